#!/usr/bin/env bash
# Runs a command with Node 24 and the workspace binaries on PATH.
source "$(dirname "$0")/lib.sh"
ensure_node
export PATH="$REPO_ROOT/node_modules/.bin:$PATH"
exec "$@"
