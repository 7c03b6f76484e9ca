#!/usr/bin/env bash
# `ladder render`: the static site of a small framework has its pages, is the same bytes when
# rendered twice, matches the golden pages, and shows hostile text as text.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
fixtures=$LADDER_SOURCE_DIR/tests/render
golden=$LADDER_SOURCE_DIR/tests/golden/render
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$LADDER" render --out "$tmp/a" "$fixtures/field_service.yaml" 2>"$tmp/log"
grep -q "wrote .* files .* for 1 frameworks" "$tmp/log" || fail "no summary line: $(cat "$tmp/log")"
for page in index.html search.html search-index.js roles/index.html f/field-service/index.html \
            f/field-service/tech/t2.html f/field-service/compare/tech.t1--tech.t2.html \
            f/field-service/changelog.html f/field-service/tracks.html static/ladder.css \
            static/vendor/htmx.min.js static/vendor/chart.umd.min.js; do
  [[ -s $tmp/a/$page ]] || fail "missing $page"
done

# Same input, same bytes (into a directory of another name, to catch paths leaking in).
"$LADDER" render --out "$tmp/b" "$fixtures/field_service.yaml" 2>/dev/null
diff -r "$tmp/a" "$tmp/b" >/dev/null || fail "two renders differ: $(diff -r "$tmp/a" "$tmp/b" | head -5)"

# Whatever the number of threads, the same bytes.
for jobs in 1 3; do
  "$LADDER" render --jobs "$jobs" --out "$tmp/j$jobs" "$fixtures/field_service.yaml" 2>/dev/null
  diff -r "$tmp/a" "$tmp/j$jobs" >/dev/null || fail "--jobs $jobs gives other bytes"
done

# The comparisons a level leads to, not every pair: neighbours in a track, equal ranks across
# tracks, and the next rank up in another track; the compare index says the server does any two.
got=$(cd "$tmp/a/f/field-service/compare" && LC_ALL=C ls | grep -v '^index.html$' | tr '\n' ' ')
want="mgmt.m1--tech.t3.html tech.t1--mgmt.m1.html tech.t1--tech.t2.html tech.t2--mgmt.m1.html tech.t2--tech.t3.html "
[[ $got == "$want" ]] || fail "compare pages: $got"
grep -q 'ladder serve</code> compares any two levels' "$tmp/a/f/field-service/compare/index.html" ||
  fail "the compare index does not say that the server compares any two levels"

# Golden pages (regenerate with LADDER_UPDATE_GOLDEN=1 after checking the change by eye).
for page in f/field-service/tech/t2.html f/field-service/index.html \
            f/field-service/compare/tech.t1--tech.t2.html roles/index.html; do
  want=$golden/${page//\//__}
  if [[ ${LADDER_UPDATE_GOLDEN:-} == 1 ]]; then cp "$tmp/a/$page" "$want"; continue; fi
  diff -u "$want" "$tmp/a/$page" || fail "$page differs from $want"
done

# Relative links only: every href/src of every page resolves to a file of the site.
cd "$tmp/a"
while IFS= read -r file; do
  dir=$(dirname "$file")
  grep -o '\(href\|src\)="[^"#?]*' "$file" | sed 's/^[a-z]*="//' | sort -u | while IFS= read -r url; do
    [[ -z $url || $url == https://* || $url == http://* || $url == mailto:* || $url == "data:," ]] && continue
    [[ -e $dir/$url ]] || fail "$file links to missing $url"
  done
done < <(find . -name '*.html')
cd - >/dev/null

# Hostile text: escaped everywhere; the only scripts are the site's own files.
"$LADDER" render --out "$tmp/h" "$fixtures/hostile.yaml" 2>/dev/null
if grep -rl '<script>alert\|<iframe\|<svg\|<style>\|href="javascript\|src="javascript\|<img src=x' \
     "$tmp/h" --include='*.html'; then
  fail "hostile markup reached a page"
fi
others=$(grep -rhoi '<script[^>]*>' "$tmp/h" --include='*.html' | grep -v 'src="[./]*\(static/[a-z.]*\.js\|static/vendor/[a-z.]*\.js\|search-index\.js\)"' || true)
[[ -z $others ]] || fail "unexpected script elements: $others"

# Bad input: a clear error, exit 2, nothing half-written reported as done.
printf 'ladder: 1\nframework: {id: x}\ntracks: [\n' > "$tmp/bad.yaml"
set +e
"$LADDER" render --out "$tmp/c" "$tmp/bad.yaml" 2>"$tmp/err"
status=$?
set -e
[[ $status == 2 ]] || fail "bad input exit $status"
grep -q "bad.yaml:" "$tmp/err" || fail "error does not name the file: $(cat "$tmp/err")"
echo ok
