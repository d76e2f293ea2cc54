#!/usr/bin/env bash
# Makes sure the local PostgreSQL server the tests' PostgreSQL pass connects to is there and running: installs Debian's
# package when no server is installed, creates and starts the cluster when it is missing or down, creates the role the
# tests connect as (attribution / attribution, allowed to create databases: every test store gets its own) when missing,
# and waits until it accepts connections on 127.0.0.1:5432. A server it installed itself runs without fsync (test data need
# not survive a crash). Says what it did; exits non-zero with the reason when it cannot.
# Usage: bash tests/postgres.sh [LOG]    (as root, or with passwordless sudo; otherwise it can only check)
set -uo pipefail

log=${1:-/dev/null}
port=5432
role=attribution

say() { printf '%s\n' "$*"; }
fail() { say "$*"; exit 1; }

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        as_root=(sudo -n)
    else
        as_root=(not-root)
    fi
fi
root_can() { [ "${as_root[*]-}" != "not-root" ]; }
as_postgres() { "${as_root[@]}" runuser -u postgres -- "$@"; }

accepting() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1; }
role_logs_in() { PGPASSWORD=$role PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -p "$port" -U "$role" -d postgres -tAc 'SELECT 1' >>"$log" 2>&1; }

# Already usable (a server started by someone else, a role already made): nothing to do.
if accepting && role_logs_in; then
    say "PostgreSQL accepts connections on 127.0.0.1:$port as '$role'"
    exit 0
fi

root_can || fail "PostgreSQL is not running on 127.0.0.1:$port (or role '$role' cannot log in), and without root or passwordless sudo" \
    "this script cannot install or start it: as root run 'apt-get install -y postgresql', 'pg_ctlcluster VERSION main start' and" \
    "create the role (CREATE ROLE $role LOGIN PASSWORD '$role' CREATEDB), or set ATTRIBUTION_TEST_POSTGRES to a server of yours"

# The newest installed server; Debian's package when there is none.
newest() { find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/postgres' 2>/dev/null | awk -F/ '{print $5}' | sort -n | tail -n 1; }
version=$(newest)
installed_here=0
if [ -z "$version" ]; then
    installed_here=1
    say "installing PostgreSQL (apt-get install postgresql; log: $log)"
    "${as_root[@]}" apt-get update -qq >>"$log" 2>&1 \
        && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >>"$log" 2>&1 \
        || fail "could not install PostgreSQL with apt-get (see $log): install it with 'apt-get install -y postgresql' and run again"
    version=$(newest)
    [ -n "$version" ] || fail "apt-get installed postgresql but no server binaries are under /usr/lib/postgresql (see $log)"
fi

# Its "main" cluster, created when missing (a package installed without one), started when down. No systemd here:
# pg_ctlcluster starts the server directly.
if ! pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    say "creating PostgreSQL $version cluster 'main'"
    "${as_root[@]}" pg_createcluster "$version" main --port "$port" >>"$log" 2>&1 || fail "pg_createcluster $version main failed (see $log)"
fi
cluster_port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
[ "$cluster_port" = "$port" ] || fail "PostgreSQL $version cluster 'main' listens on port $cluster_port, the tests connect to $port:" \
    "set ATTRIBUTION_TEST_POSTGRES='Host=127.0.0.1;Port=$cluster_port;Username=$role;Password=$role' or move the cluster"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    say "starting PostgreSQL $version (pg_ctlcluster $version main start)"
    "${as_root[@]}" pg_ctlcluster "$version" main start >>"$log" 2>&1 || fail "pg_ctlcluster $version main start failed (see $log and /var/log/postgresql/)"
fi

for _ in $(seq 1 30); do
    accepting && break
    sleep 1
done
accepting || fail "PostgreSQL $version was started but does not accept connections on 127.0.0.1:$port after 30 s (see /var/log/postgresql/)"

# The role the tests log in as: it creates and drops one database per test store.
exists=$(as_postgres psql -p "$port" -tAc "SELECT rolcreatedb FROM pg_roles WHERE rolname = '$role'" 2>>"$log")
if [ -z "$exists" ]; then
    say "creating PostgreSQL role '$role' (LOGIN, CREATEDB)"
    as_postgres psql -p "$port" -qc "CREATE ROLE $role LOGIN PASSWORD '$role' CREATEDB" >>"$log" 2>&1 || fail "could not create role '$role' (see $log)"
elif [ "$exists" != "t" ]; then
    say "giving PostgreSQL role '$role' CREATEDB"
    as_postgres psql -p "$port" -qc "ALTER ROLE $role LOGIN CREATEDB" >>"$log" 2>&1 || fail "could not give role '$role' CREATEDB (see $log)"
fi

# A server this script installed exists for the tests, whose data need not survive a crash: without fsync a test
# database's DROP (and FILE_COPY CREATE) no longer waits for its checkpoint to reach the disk, which is most of what the
# PostgreSQL pass waits for on a busy machine. A server that was there before keeps its settings.
if [ "$installed_here" -eq 1 ]; then
    say "PostgreSQL was installed for the tests: turning off fsync, full_page_writes and synchronous_commit on it"
    as_postgres psql -p "$port" -qc "ALTER SYSTEM SET fsync = off" -c "ALTER SYSTEM SET full_page_writes = off" \
        -c "ALTER SYSTEM SET synchronous_commit = off" -c "SELECT pg_reload_conf()" >>"$log" 2>&1 \
        || say "could not change the server's settings (see $log); the tests run, slower"
fi

role_logs_in || fail "PostgreSQL runs but role '$role' cannot log in on 127.0.0.1:$port with its password (see $log; pg_hba.conf must allow" \
    "password logins from 127.0.0.1)"
say "PostgreSQL $version accepts connections on 127.0.0.1:$port as '$role'"
