#!/usr/bin/env bash
# The whole test run, on a fresh Debian 12 machine as root: setup, static checks, unit tier,
# then the integration tier against real Docker, Squid, iptables and the offline lab.
set -euo pipefail
cd "$(dirname "$0")/.."
export CI="${CI:-true}"

bash scripts/setup.sh
# `npm install` against the committed lock file, not `npm ci`: the lock cannot list other
# platforms' optional binaries (rollup's, jest's resolver's) where the registry does not serve
# them, and `npm ci` then refuses it as out of sync. Versions still come from the lock file.
npm install --no-audit --no-fund --loglevel=error

echo "== static checks"
npx tsc --noEmit -p .
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
bash scripts/check-dist.sh

results=$(mktemp -d)
trap 'rm -rf "$results"; bash lab/lab.sh down >/dev/null 2>&1 || true' EXIT
status=0

echo "== unit tests"
NODE_OPTIONS=--experimental-vm-modules npx jest --config jest.config.js \
  --json --outputFile="$results/unit.json" || status=1

echo "== integration tests"
# The suite's ablation entry (src/testing/), built outside dist/: no shipped bundle has it.
npx rollup --silent --config rollup.config.test.js
bash lab/lab.sh up
NODE_OPTIONS=--experimental-vm-modules npx jest --config jest.config.itg.js --runInBand \
  --json --outputFile="$results/itg.json" || status=1

node -e '
  const fs = require("fs"); let p = 0, f = 0
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) { f++; continue }
    const r = JSON.parse(fs.readFileSync(file, "utf8")); p += r.numPassedTests; f += r.numFailedTests + r.numRuntimeErrorTestSuites
    if (r.numTotalTestSuites > 0 && r.numTotalTests === 0) f++
  }
  console.log(`tests: ${p} passed, ${f} failed`)
' "$results/unit.json" "$results/itg.json"
exit $status
