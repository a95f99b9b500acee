#!/usr/bin/env bash
# Quick start: installs what Tessera needs (Debian packages), builds it, and runs the main job on the
# bundled sample data: the seed article is aligned with its German, French and Turkish translations
# into a fresh translation memory, the sample TMX and the starter glossary are imported, and the
# result is shown (stats, a lookup, a term, an export).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=""
for p in libxml2-dev libsqlite3-dev libxml2-utils sqlite3 zlib1g-dev zip bzip2 xz-utils; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq $need
fi
echo "== building (release)"
swift build -c release --product tessera 2>&1 | grep -E "error|warning: |Compiling tessera|Build complete" || true
BIN=$(swift build -c release --show-bin-path)/tessera
OUT=${QUICKSTART_DIR:-.quickstart}
mkdir -p "$OUT"
export TESSERA_DB="$OUT/tessera.db"
rm -f "$TESSERA_DB" "$TESSERA_DB-wal" "$TESSERA_DB-shm"
run() { echo; echo "\$ tessera $*"; "$BIN" "$@"; }
# 1. The main job: align the seed article with its three translations into the TM.
run align TMX/seed/article.en.txt TMX/seed/article.de.txt TMX/seed/article.fr.txt TMX/seed/article.tr.txt \
    --source en --target de,fr,tr --store
# 2. The starter glossary and the sample TMX (its units are already there: counted as duplicates).
run glossary import Glossaries/defence.tbx
run import TMX/seed-article.en-de-fr-tr.tmx
run stats
# 3. Lookups.
run lookup "The Secretary General also underlined the urgency of increasing defence industry production." --source en --target de,fr,tr --max 1
run concordance "production lines" --pair en-de
run term "capability targets" --source en --target de,fr,tr
run terms-in "We need more shifts, more production lines." --source en --target de
# 4. Export the TM (TMX 1.4b and TSV).
run export "$OUT/export.tmx"
run export "$OUT/en-de.tsv" --source en --target de
echo; head -n 3 "$OUT/en-de.tsv"
echo; echo "TM: $TESSERA_DB; exports in $OUT/"
