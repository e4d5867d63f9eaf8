#!/usr/bin/env bash
# npm run test:fault: fault injection against a running platform (issue 23 item 1, ADR 0075).
# The messaging suite starts its own nats-server (JetStream in a temp dir, free port), the database
# and gateway suite its own PostgreSQL cluster (initdb in a temp dir, free port, as the postgres
# user when run as root); each stops what it started. The shared servers on 4222 and 5432 are
# never stopped (5432 holds the template the other suites clone). Expects dist/ (npm test builds it first).
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
ensure_workspace
ensure_postgres
ensure_nats
[ -f dist/apps/gateway/src/main.js ] || node scripts/build.mjs
jest --ci --forceExit --selectProjects fault "$@"
