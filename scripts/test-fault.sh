#!/usr/bin/env bash
# npm run test:fault: fault injection against a running platform (issue 23 item 1, ADR 0075).
# Each suite starts its own nats-server (JetStream in a temp dir, free port) and stops it itself;
# the shared server on 4222 is never touched. Expects dist/ (npm test builds it first).
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
ensure_workspace
ensure_postgres
ensure_nats
[ -f dist/apps/gateway/src/main.js ] || node scripts/build.mjs
jest --ci --forceExit --selectProjects fault "$@"
