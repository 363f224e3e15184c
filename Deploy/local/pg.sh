#!/usr/bin/env bash
# The local throwaway PostgreSQL 15 cluster: the embedded default of `support`.
#
#   Deploy/local/pg.sh [start]   install postgresql-15 if missing, init + start the cluster,
#                                ensure role/database `support`; print DATABASE_URL on stdout
#   Deploy/local/pg.sh stop      stop the cluster (fast shutdown)
#   Deploy/local/pg.sh restart   stop (fast), then start (`support chaos` uses it)
#   Deploy/local/pg.sh status    print state; exit 0 if running, 3 if not
#   Deploy/local/pg.sh url       print DATABASE_URL
#   Deploy/local/pg.sh wipe      stop the cluster and delete <repo>/.data/pg
#
# Cluster: <repo>/.data/pg, 127.0.0.1 only, port $SUPPORT_PG_PORT (default 54329), the Unix
# socket inside the data directory, server log in <repo>/.data/pg/server.log.
# Role `support` / password `support` is a SUPERUSER: this cluster is a throwaway for local runs
# and tests (they create and drop databases and terminate backends). Never point it at real data.
#
# Runs as root, non-interactively (no stdin needed), and is idempotent. initdb refuses root, so
# the server programs run as the `postgres` user via `runuser -u postgres --`, from `cd /`.
# Progress goes to stderr; only the URL goes to stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
repo="$(cd "$here/../.." && pwd -P)"
data="$repo/.data/pg"
port="${SUPPORT_PG_PORT:-54329}"
bin="/usr/lib/postgresql/15/bin" # Debian's postgresql-15 location
role="support"
password="support"
database="support"

say() { echo "pg.sh: $*" >&2; }
die() { echo "pg.sh: error: $*" >&2; exit 1; }

case "$port" in
  '' | *[!0-9]*) die "SUPPORT_PG_PORT must be a TCP port number, got '$port'" ;;
esac

url_for() { echo "postgres://$role:$password@127.0.0.1:$1/$database?sslmode=disable"; }

# fd 9 is the lock below; closed for children so a started server never holds it.
as_pg() { (cd / && runuser -u postgres -- "$@" 9>&-); }

# Serialises start/stop/wipe, e.g. `support up` and Deploy/local/test.sh starting at once.
take_lock() {
  mkdir -p "$repo/.data"
  exec 9>"$repo/.data/pg.lock"
  flock -w 600 9 || die "another pg.sh has held $repo/.data/pg.lock for 10 minutes"
}

# True if this repo's cluster is running (pg_ctl status: 0 running, 3 not running, 4 no data dir).
ours_running() {
  [ -f "$data/PG_VERSION" ] && [ -x "$bin/pg_ctl" ] && id postgres >/dev/null 2>&1 &&
    as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

# The port our running server actually listens on (line 4 of postmaster.pid).
running_port() { sed -n 4p "$data/postmaster.pid" 2>/dev/null || true; }

# True if something accepts TCP connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_postgres() {
  [ -x "$bin/initdb" ] && return 0
  [ "$(id -u)" = 0 ] || die "postgresql-15 is not installed and installing it needs root"
  say "installing postgresql-15 from Debian packages (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q </dev/null >&2
  # postgresql-contrib-15 is a virtual package in Debian 12 (provided by postgresql-15);
  # ask for it where it exists, fall back to the server package alone.
  apt-get install -y -q --no-install-recommends postgresql-15 postgresql-contrib-15 </dev/null >&2 ||
    apt-get install -y -q --no-install-recommends postgresql-15 </dev/null >&2
  [ -x "$bin/initdb" ] || die "postgresql-15 installed but $bin/initdb is missing"
  # The package starts Debian's own cluster (15/main) where it can. Nothing here uses it, and a
  # server left running would outlive a CI run, so stop it (its data stays).
  if [ -d /etc/postgresql/15/main ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster 15 main stop </dev/null >&2 2>&1 || true
  fi
}

# The postgres user must be able to reach the data directory: every directory above it needs
# the search (x) bit for "other". Add it where missing (e.g. a repo under /root) and say so.
ensure_traversable() {
  local dir="$1" path="" part
  local -a parts
  IFS=/ read -r -a parts <<<"${dir#/}"
  for part in "${parts[@]}"; do
    [ -n "$part" ] || continue
    path="$path/$part"
    if ! as_pg test -x "$path" 2>/dev/null; then
      say "chmod o+x $path (the postgres user must traverse it to reach $data)"
      chmod o+x "$path"
    fi
  done
}

# Rewritten on every start, so SUPPORT_PG_PORT and the settings below always apply.
write_config() {
  cat >"$data/support.conf" <<EOF
# Written by Deploy/local/pg.sh on every start; edits here are overwritten.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
max_connections = 600
shared_buffers = 256MB
idle_in_transaction_session_timeout = 60s
fsync = on
EOF
  chown postgres:postgres "$data/support.conf"
  if ! grep -q "^include_if_exists = 'support.conf'" "$data/postgresql.conf"; then
    echo "include_if_exists = 'support.conf'" >>"$data/postgresql.conf"
  fi
}

psql_admin() {
  as_pg "$bin/psql" -h "$data" -p "$1" -U postgres -d postgres -X -v ON_ERROR_STOP=1 -qtA "${@:2}"
}

ensure_role_and_database() {
  local p="$1"
  if [ "$(psql_admin "$p" -c "SELECT count(*) FROM pg_roles WHERE rolname = '$role'")" = 0 ]; then
    say "creating role $role"
    psql_admin "$p" -c "CREATE ROLE $role LOGIN SUPERUSER PASSWORD '$password'" >/dev/null
  else
    psql_admin "$p" -c "ALTER ROLE $role LOGIN SUPERUSER PASSWORD '$password'" >/dev/null
  fi
  if [ "$(psql_admin "$p" -c "SELECT count(*) FROM pg_database WHERE datname = '$database'")" = 0 ]; then
    say "creating database $database"
    psql_admin "$p" -c "CREATE DATABASE $database OWNER $role" >/dev/null
  fi
}

cmd_start() {
  take_lock
  install_postgres
  id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (the postgresql-15 package creates it)"

  if ours_running; then
    local p
    p="$(running_port)"
    if [ -n "$p" ] && [ "$p" != "$port" ]; then
      say "the cluster in $data already runs on port $p (not $port); 'pg.sh stop' first to change the port"
    else
      say "the cluster in $data already runs on port $p"
    fi
    p="${p:-$port}"
    ensure_role_and_database "$p"
    url_for "$p"
    return 0
  fi

  if port_in_use "$port"; then
    die "port $port on 127.0.0.1 is already in use by another server (not the cluster in $data); stop it or set SUPPORT_PG_PORT to a free port"
  fi

  mkdir -p "$repo/.data"
  ensure_traversable "$repo/.data"
  if [ ! -f "$data/PG_VERSION" ]; then
    say "initialising a throwaway cluster in $data"
    rm -rf "$data"
    mkdir -p "$data"
    chown postgres:postgres "$data"
    chmod 700 "$data"
    as_pg "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$repo/.data/initdb.log" 2>&1 ||
      { cat "$repo/.data/initdb.log" >&2; die "initdb failed"; }
    rm -f "$repo/.data/initdb.log"
  fi
  if [ "$(stat -c %U "$data")" != postgres ]; then
    say "fixing ownership of $data"
    chown -R postgres:postgres "$data"
    chmod 700 "$data"
  fi
  write_config

  say "starting PostgreSQL on 127.0.0.1:$port (log: $data/server.log)"
  if ! as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null; then
    tail -n 20 "$data/server.log" >&2 || true
    die "PostgreSQL did not start; see $data/server.log"
  fi
  ensure_role_and_database "$port"
  url_for "$port"
}

cmd_stop() {
  take_lock
  if ours_running; then
    say "stopping the cluster in $data"
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  else
    say "the cluster in $data is not running"
  fi
}

cmd_status() {
  if ours_running; then
    local p
    p="$(running_port)"
    say "running: $data on 127.0.0.1:$p"
    url_for "${p:-$port}"
  else
    say "stopped: $data$([ -f "$data/PG_VERSION" ] || echo ' (not initialised)')"
    return 3
  fi
}

cmd_url() {
  local p=""
  ours_running && p="$(running_port)"
  url_for "${p:-$port}"
}

cmd_wipe() {
  cmd_stop
  if [ -e "$data" ]; then
    say "deleting $data"
    rm -rf "$data"
  fi
}

case "${1:-start}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  url) cmd_url ;;
  wipe) cmd_wipe ;;
  -h | --help | help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
  *) die "unknown command '$1' (use start, stop, restart, status, url or wipe)" ;;
esac
