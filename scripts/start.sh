#!/usr/bin/env bash
# npm start: the whole platform locally with demo data, from a fresh clone. Ctrl-C stops it.
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
ensure_workspace
ensure_postgres
ensure_nats
log "generating contracts and building"
nx run contracts:generate --skip-nx-cache=false >&2
node scripts/build.mjs
exec node deploy/local/stack.mjs "$@"
