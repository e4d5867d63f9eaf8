# PostgreSQL and NATS JetStream for the local stack and the tests (sourced by scripts/*.sh).
# Uses servers already answering on the default ports; otherwise installs Debian's packages
# and runs private instances with their data under .data/ (trust auth, loopback only).

PG_PORT="${PGPORT:-5432}"
NATS_PORT="${NATS_PORT:-4222}"
DATA_DIR="$REPO_ROOT/.data"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

apt_install() {
  log "installing Debian packages: $*"
  local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

ensure_postgres() {
  if port_open "$PG_PORT"; then return 0; fi
  # A Debian cluster that exists but is stopped (the machine's own): start it.
  if command -v pg_ctlcluster >/dev/null && ls /etc/postgresql/*/main >/dev/null 2>&1; then
    log "starting the machine's PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >&2 || true
    wait_for_port "$PG_PORT" PostgreSQL 30 && return 0
  fi
  local bin; bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [[ -z "$bin" ]]; then apt_install postgresql; bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; fi
  local pgdata="$DATA_DIR/postgres"
  local as_pg=(); [[ $(id -u) -eq 0 ]] && as_pg=(runuser -u postgres --)
  if [[ ! -f "$pgdata/PG_VERSION" ]]; then
    log "initialising PostgreSQL in $pgdata"
    mkdir -p "$pgdata"; [[ $(id -u) -eq 0 ]] && chown postgres "$pgdata" "$DATA_DIR"
    "${as_pg[@]}" "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT (data in $pgdata)"
  "${as_pg[@]}" "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k /tmp" start >&2
  wait_for_port "$PG_PORT" PostgreSQL 30
}

ensure_nats() {
  if port_open "$NATS_PORT"; then return 0; fi
  local bin; bin="$(command -v nats-server || true)"
  if [[ -z "$bin" ]]; then apt_install nats-server; bin="$(command -v nats-server)"; fi
  mkdir -p "$DATA_DIR/nats"
  log "starting nats-server with JetStream on 127.0.0.1:$NATS_PORT (data in $DATA_DIR/nats)"
  nohup "$bin" -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$DATA_DIR/nats" -l "$DATA_DIR/nats/server.log" >/dev/null 2>&1 &
  echo $! > "$DATA_DIR/nats/pid"
  wait_for_port "$NATS_PORT" nats-server 20
}

wait_for_port() {
  local port=$1 name=$2 seconds=$3
  for _ in $(seq 1 $((seconds * 4))); do port_open "$port" && return 0; sleep 0.25; done
  log "$name did not come up on port $port"; return 1
}

# Headless Chromium and a CJK font for the portal's browser tests (Debian packages).
ensure_browser() {
  local need=()
  command -v chromium >/dev/null || need+=(chromium)
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
  if (( ${#need[@]} )); then apt_install --no-install-recommends "${need[@]}"; fi
  export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
}
