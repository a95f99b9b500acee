#!/usr/bin/env bash
# Quick start: installs what Tessera needs (Debian packages), builds it, and runs the main job on the
# bundled sample data: the seed article is aligned with its German, French and Turkish translations
# into a fresh translation memory, the sample TMX and the starter glossary are imported, and the
# result is shown (stats, a lookup, a term, an export).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=""
for p in libxml2-dev libsqlite3-dev libxml2-utils sqlite3 zlib1g-dev; do
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
set -x
"$BIN" import TMX/*.tmx
"$BIN" stats
"$BIN" export "$OUT/export.tmx"
head -n 30 "$OUT/export.tmx"
