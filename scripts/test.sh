#!/usr/bin/env bash
# npm test: every check CI runs, in order of cost. Fails on the first failing stage.
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
# A fresh clone must install exactly the committed lock: fail if npm rewrites it.
export LOCK_MUST_NOT_CHANGE=1
ensure_workspace
ensure_postgres
ensure_nats
ensure_browser
mkdir -p tmp

stage() { log "── $1"; }
stage "contracts: generate from proto/ (cached Nx target)"
nx run contracts:generate >&2
stage "contracts: buf lint and breaking-change check"
bash scripts/check-proto.sh
stage "format (prettier --check; npm run format writes)"
prettier --check . >&2
stage "typecheck"
tsc -p tsconfig.json --noEmit
stage "lint (zero warnings) and module boundaries"
bash scripts/check-boundaries.sh
stage "dependency audit against audit-allowlist.json (passes with a notice if the registry cannot answer)"
node scripts/audit-dependencies.mjs
stage "build"
node scripts/build.mjs
stage "unit, integration (PostgreSQL + NATS JetStream) and end-to-end tests"
status=0
# --forceExit: a suite that leaks a handle (its report names it) must not hold CI until the time limit.
# The fault tier (test/fault) runs apart, as npm run test:fault.
jest --ci --forceExit --selectProjects unit integration e2e --json --outputFile=tmp/jest-results.json "$@" || status=$?
node -e '
  const r = require("./tmp/jest-results.json");
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
exit $status
