#!/usr/bin/env bash
# `ladder serve`: pages over HTTP with ETag/304, HEAD, Cache-Control, compression, /healthz, 404s,
# server-side search, and a clean stop on SIGTERM.
set -euo pipefail
: "${LADDER:?}" "${LADDER_SOURCE_DIR:?}"
tmp=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; cat "$tmp/log" >&2 || true; exit 1; }

"$LADDER" serve --listen 127.0.0.1:0 "$LADDER_SOURCE_DIR/tests/render/field_service.yaml" \
  2>"$tmp/log" &
server=$!
for _ in $(seq 400); do grep -qs "serving" "$tmp/log" && break; sleep 0.05; done
port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/log")
[[ -n $port ]] || fail "server did not start"
base=http://127.0.0.1:$port

[[ $(curl -s "$base/healthz") == ok ]] || fail "/healthz"
curl -s -D "$tmp/h1" -o "$tmp/level.html" "$base/f/field-service/tech/t2.html"
grep -q "^HTTP/1.1 200" "$tmp/h1" || fail "level page status"
grep -q 'aria-current="page"' "$tmp/level.html" || fail "level page body"
etag=$(grep -i '^etag:' "$tmp/h1" | cut -d' ' -f2 | tr -d '\r')
[[ -n $etag ]] || fail "no ETag"
grep -qi '^cache-control: public' "$tmp/h1" || fail "published page not cacheable"
# HEAD: the same headers, no body.
curl -s -I "$base/f/field-service/tech/t2.html" -o "$tmp/head" -w '%{size_download}' >"$tmp/head.size"
grep -q "^HTTP/1.1 200" "$tmp/head" || fail "HEAD status"
grep -qi "^content-length: $(wc -c < "$tmp/level.html")" "$tmp/head" || fail "HEAD content length"
[[ $(cat "$tmp/head.size") == 0 ]] || fail "HEAD sent a body"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/f/field-service/tech/t2.html")
[[ $code == 304 ]] || fail "If-None-Match gave $code"
curl -s -D "$tmp/h2" -o "$tmp/gz" -H 'Accept-Encoding: gzip' "$base/f/field-service/tech/t2.html"
grep -qi '^content-encoding: gzip' "$tmp/h2" || fail "no gzip"
gunzip -c "$tmp/gz" | cmp -s - "$tmp/level.html" || fail "gzip body differs"
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/f/field-service/tech/t9.html")
[[ $code == 404 ]] || fail "unknown level gave $code"
code=$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "$base/../../etc/passwd")
[[ $code == 404 || $code == 400 ]] || fail "path traversal gave $code"
curl -s "$base/search.html?q=checklist" | grep '<mark>checklist</mark>' >/dev/null || fail "search"
# The descriptions of competencies and overlay roles are searched too, linked to their place.
page=$(curl -s "$base/search.html?q=equipment")
[[ $page == *'href="f/field-service/index.html#c-'* && $page == *'<mark>equipment</mark>'* ]] ||
  fail "search does not find a competency's description"
page=$(curl -s "$base/search.html?q=visits")
[[ $page == *'href="f/field-service/index.html#overlay-'* ]] || fail "search does not find an overlay role"
curl -s "$base/f/field-service/compare/index.html?a=tech.t2&b=mgmt.m1" | grep 'across tracks' >/dev/null \
  || fail "compare across tracks"
curl -s "$base/static/ladder.css" -D "$tmp/h3" -o /dev/null
grep -qi '^content-type: text/css' "$tmp/h3" || fail "css content type"
grep -q '"GET /healthz" 200' "$tmp/log" || fail "no access log"

kill -TERM "$server"
wait "$server" || fail "server exit status $? after SIGTERM"
server=""
grep -q "stopped" "$tmp/log" || fail "no clean stop"

# A port in use: a second server refuses to start (no silent sharing of the port), exit 3.
# Its log is a new file: the first server's "serving" line must not be read as the second's.
rm -f "$tmp/log"
"$LADDER" serve --listen 127.0.0.1:0 "$LADDER_SOURCE_DIR/tests/render/field_service.yaml" 2>"$tmp/log" &
server=$!
for _ in $(seq 400); do grep -qs "serving" "$tmp/log" && break; sleep 0.05; done
port=$(sed -n 's/.*http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$tmp/log")
[[ -n $port ]] || fail "server did not start"
set +e
timeout 10 "$LADDER" serve --listen "127.0.0.1:$port" "$LADDER_SOURCE_DIR/tests/render/field_service.yaml" 2>"$tmp/err"
status=$?
set -e
[[ $status == 3 ]] || fail "a second server on port $port exited $status: $(cat "$tmp/err")"
grep -q "address in use" "$tmp/err" || fail "port in use message: $(cat "$tmp/err")"
[[ $(curl -s "http://127.0.0.1:$port/healthz") == ok ]] || fail "the first server stopped answering"
set +e
"$LADDER" serve --listen nonsense "$LADDER_SOURCE_DIR/tests/render/field_service.yaml" 2>"$tmp/err"
status=$?
set -e
[[ $status == 2 ]] || fail "bad --listen exit $status"
grep -q -- "--listen" "$tmp/err" || fail "bad --listen message: $(cat "$tmp/err")"
echo ok
