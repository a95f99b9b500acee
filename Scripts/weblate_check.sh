#!/usr/bin/env bash
# Weblate's own tmserver client (weblate.machinery.tmserver.TMServerTranslation from the PyPI
# package weblate==5.14.3) against `tessera serve`: download_languages, download_translations and
# validate_settings must succeed, for texts with / & % ? " + and for pt_BR.
#
# usage: Scripts/weblate_check.sh            (builds tessera, makes the venv at .build/weblate-venv)
#   WEBLATE_VENV=DIR   where the venv is (or is made)
#   TESSERA_SHARED=DIR the shared folder holding clients/ (default ../shared)
#   TESSERA_BIN=PATH   a tessera binary to use instead of building one
#   CHECK_DB=URL       the store to serve instead of a new SQLite file: an empty PostgreSQL
#                      schema (postgres://USER@HOST:PORT/DB?schema=NEW), filled here
# Skips (exit 0, with a message) when the clients or the venv cannot be had: the venv is heavy
# (about 2 minutes, a few Debian -dev packages, PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/serve-lib.sh
shared=${TESSERA_SHARED:-../shared}
clients=$shared/clients
venv=${WEBLATE_VENV:-.build/weblate-venv}
if [[ ! -f $clients/weblate_tmserver.py || ! -f $clients/setup-weblate.sh ]]; then
  echo "weblate_check: SKIPPED: Weblate's client driver is not in $clients"
  exit 0
fi
work=$(mktemp -d)
server=""
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if ! bash "$clients/setup-weblate.sh" "$venv" >"$work/setup.log" 2>&1; then
  echo "weblate_check: SKIPPED: cannot make the Weblate venv at $venv:"
  tail -n 5 "$work/setup.log"
  exit 0
fi
bin=${TESSERA_BIN:-}
if [[ -z $bin ]]; then
  swift build --product tessera >"$work/build.log" 2>&1 || { tail -n 20 "$work/build.log"; echo "weblate_check: FAILED: build"; exit 1; }
  bin=$(swift build --show-bin-path)/tessera
fi

db=${CHECK_DB:-$work/tm.db}
"$bin" import TMX/seed-article.en-de-fr-tr.tmx Tests/TesseraServerTests/Fixtures/service-sample.tmx --db "$db" >/dev/null
start_serve "$bin" "$db" "$work/out" "$work/log" --anonymous-read || { echo "weblate_check: FAILED: the server did not start"; exit 1; }

failed=0
texts=("Open the file/folder & save it" "Is the upload 100% done?" 'Press "OK" + Enter to continue')
for target in de pt_BR; do
  if ! "$venv/bin/python" "$clients/weblate_tmserver.py" "$url/tmserver" en "$target" "${texts[@]}" >"$work/$target.json" 2>"$work/$target.err"; then
    tail -n 20 "$work/$target.err"
    echo "weblate_check: FAILED: the client raised for en -> $target"
    failed=1
    continue
  fi
  # Every text must come back with a 100% suggestion, and validate_settings must pass.
  if ! "$venv/bin/python" - "$work/$target.json" "$target" "${texts[@]}" <<'PY'
import json, sys
path, target, texts = sys.argv[1], sys.argv[2], sys.argv[3:]
lines = [json.loads(line) for line in open(path, encoding="utf-8")]
languages = lines[0]["languages"]
assert languages, "download_languages returned nothing"
assert ["en", target.lower()] in languages or ("en", target.lower()) in [tuple(pair) for pair in languages], f"en->{target} missing from {languages[:8]}..."
results = {line["text"]: line["results"] for line in lines[1:-1]}
for text in texts:
    found = results.get(text) or []
    assert found and found[0]["quality"] == 100 and found[0]["source"] == text, f"{text!r}: {found}"
    print(f"  en -> {target}: {text!r} -> {found[0]['text']!r} ({found[0]['quality']})")
assert lines[-1] == {"validate_settings": "ok"}, lines[-1]
PY
  then
    cat "$work/$target.json"
    echo "weblate_check: FAILED: en -> $target"
    failed=1
  fi
done

kill -TERM "$server"
if ! wait "$server"; then
  echo "weblate_check: FAILED: tessera serve did not exit 0 on SIGTERM"
  failed=1
fi
server=""
if [[ $failed == 0 ]]; then
  echo "weblate_check: PASSED (download_languages, download_translations, validate_settings; en -> de, pt_BR)"
fi
exit $failed
