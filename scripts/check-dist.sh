#!/usr/bin/env bash
# Fails when dist/ is not the bundle of the current sources: the action runs dist/, never src/.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
cp -a dist/. "$before"/ 2>/dev/null || true
npx rollup --config rollup.config.js --silent
if ! diff -r --brief "$before" dist >/dev/null; then
  diff -r "$before" dist | head -40 || true
  echo "dist/ is out of date: run 'npm run bundle' and commit dist/." >&2
  exit 1
fi
echo "dist/ is current"
