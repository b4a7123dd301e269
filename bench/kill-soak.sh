#!/bin/bash
# Crash-safety soak: the kill test with many more random instants than CI runs (30), under
# the integration lock. Root, after scripts/setup.sh and `npm run bundle`.
#   bash bench/kill-soak.sh [TRIALS] [SEED]      (default 300 trials, seed 1)
# Each trial SIGKILLs the CLI at a reproducible instant, probes the sandbox it left, runs the
# next run and checks that nothing of the dead run remains; a failing trial prints its seed
# and instant, so `AWF_KILL_SEED=<seed>` repeats the sequence.
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-300}"
seed="${2:-1}"
AWF_KILL_TRIALS="$trials" AWF_KILL_SEED="$seed" NODE_OPTIONS=--experimental-vm-modules \
  flock /tmp/awf-itg.lock npx jest --config jest.config.itg.js --runInBand \
  __tests__/sandbox/kill.test.itg.ts -t 'random instants'
