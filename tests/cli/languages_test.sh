#!/usr/bin/env bash
# A framework in two languages from the command line, as a people team works with it: lint says
# what is not translated yet and what went stale (with where), `export --lang` writes every
# format in the second language with the untranslated texts in the first, `diff` shows the
# translations' changes, and `search --lang` folds as that language does.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export LADDER_DATABASE=sqlite:$tmp/ladder.db
unset LADDER_CONFIG
example=$LADDER_SOURCE_DIR/examples/fulfilment-operations.yaml

# run CODE COMMAND...: exit CODE, output in $tmp/out and $tmp/err.
run() {
  local code=$1
  shift
  set +e
  "$LADDER" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  set -e
  [[ $got == "$code" ]] || fail "ladder $*: exit $got, not $code: $(cat "$tmp/err" "$tmp/out")"
}
has() { grep -qF -- "$2" "$tmp/$1" || fail "no '$2' in $1: $(head -c 2000 "$tmp/$1")"; }
hasnt() { ! grep -qF -- "$2" "$tmp/$1" || fail "'$2' in $1"; }

# Lint: the example's untranslated texts are information, not problems.
run 0 lint "$example"
has out "untranslated: es: overlays.site-trainer.name is not translated (source"
[[ $(grep -c 'untranslated: es:' "$tmp/out") == 8 ]] || fail "not 8 untranslated texts: $(cat "$tmp/out")"
hasnt out "stale-translation"

# A source text changes after it was translated: the translation is stale, reported where it is.
sed 's/Wears the protective equipment of the area and follows the safe walking routes./Wears the protective equipment of the area at all times./' \
  "$example" >"$tmp/changed.yaml"
grep -q 'at all times' "$tmp/changed.yaml" || fail "the test's edit did not apply"
line=$(grep -n 'at: tracks.associates.levels.FO1.expectations.safety.behaviours\[0\]' "$tmp/changed.yaml" | cut -d: -f1)
run 1 lint "$tmp/changed.yaml"
has out "$tmp/changed.yaml:$line:"
has out "warning: stale-translation: es: the source of tracks.associates.levels.FO1.expectations.safety.behaviours[0] changed after it was translated"

# Export in Spanish, in every format the shared writer makes.
run 0 export --to yaml --lang es "$example"
has err "es: 8 texts are not translated"
has out "  name: Operaciones de preparación de pedidos"
has out "  language: es"
has out "Lleva el equipo de protección del área y sigue las rutas peatonales seguras."
has out "name: Site trainer"  # not translated: in English
hasnt out "translations:"
run 0 export --to json --lang es "$example"
has out '"name": "Operaciones de preparación de pedidos"'
run 0 export --to md --lang es "$example"
has out "# Operaciones de preparación de pedidos"
has out "Dirige la charla de seguridad del área al inicio del turno."
run 0 export --to csv --no-bom --lang es "$example"
has out "Especialista de operaciones"
has out "Keeps the standard work instructions of the area up to date."
run 0 export --to xlsx --lang es "$example" -o "$tmp/es.xlsx"
/usr/bin/python3 - "$tmp/es.xlsx" <<'PY' || fail "the Spanish workbook lacks its Spanish texts"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cells = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value}
assert any("Asociado líder" in c for c in cells), sorted(cells)[:20]
PY
run 0 export --to levels-table --html --lang es "$example"
has out '<html lang="es">'
# The English export is unchanged by the translation.
run 0 export --to md "$example"
has out "# Fulfilment Operations"
hasnt out "Operaciones"
# A language the framework does not have.
run 2 export --to yaml --lang fr "$example"
has err "has no language 'fr' (it has: en, es)"
run 2 export --all --lang es
has err "--lang"

# Diff: a translation reworded, and one checked against its changed source.
sed 's/text: "\{0,1\}Seguridad"\{0,1\}$/text: Seguridad y salud/; s/^  version: "2026.1"/  version: "2026.2"/' \
  "$example" >"$tmp/v2.yaml"
run 1 diff "$example" "$tmp/v2.yaml"
has out "~ translation es competencies.safety.name"
has out "~ text: Seguridad {+y salud+}"

# Search with a language's folding: in Turkish a capital I is a dotless ı.
run 0 load "$example" --publish
run 0 search PICKING
has out "picking"
run 1 search --lang tr PICKING
run 0 search --lang tr PİCKİNG
echo "languages: lint, export --lang, diff and search --lang"
