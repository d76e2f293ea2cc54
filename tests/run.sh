#!/usr/bin/env bash
# Runs every test of AttributionTracker: installs or starts what the tests need when it is missing (Chromium, a local
# PostgreSQL server), builds the solution, runs all test projects on SQLite and, at the same time, the core, web and
# command-line tests again on PostgreSQL, and ends with one line "N passed, N failed[, N skipped]" summing both passes'
# real results, after each pass's counts and the names of the failed tests.
# Usage: bash tests/run.sh [extra dotnet test arguments, given to every test project of both passes]
#        ATTRIBUTION_TEST_JOBS=N bash tests/run.sh                test projects run side by side (default: 2, or the cores)
#        ATTRIBUTION_TEST_PASSES=postgres bash tests/run.sh    only the PostgreSQL pass (or: sqlite)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 2
results="$root/TestResults"
mkdir -p "$results"

say() { printf '[tests] %s\n' "$*"; }
fail_early() { say "$@"; echo "0 passed, 1 failed"; exit 1; }

if ! command -v dotnet >/dev/null 2>&1; then
    say "the .NET 10 SDK is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian) and run again"
    echo "0 passed, 1 failed"
    exit 1
fi

# What the tests need beyond the SDK is installed here, once, when missing.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The browser tests drive a real headless Chromium (Debian's package; Playwright's own download is not used).
chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
    say "installing chromium (browser tests need it)"
    as_root=()
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && as_root=(sudo -n)
    if { [ "$(id -u)" -ne 0 ] && [ "${#as_root[@]}" -eq 0 ]; } \
        || ! "${as_root[@]}" apt-get update -qq >"$results/apt-chromium.log" 2>&1 \
        || ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >>"$results/apt-chromium.log" 2>&1 \
        || [ ! -x "$chromium" ]; then
        say "could not install chromium (not root, no working sudo, or apt-get failed; see $results/apt-chromium.log):" \
            "install it with 'apt-get install -y chromium' as root and run again"
        echo "0 passed, 1 failed"
        exit 1
    fi
fi
export ATTRIBUTION_CHROMIUM="$chromium"

# A known-vulnerable dependency fails the run like a failed test; sources without advisory data (a mirror, no
# internet) only warn, because then nothing can be told either way (tests/check-packages.sh says which).
say "checking the packages against NuGet's advisories"
bash "$root/tests/check-packages.sh" "$root/AttributionTracker.sln" "$results/vulnerable-packages.json" | sed 's/^/[tests] /'
packages=${PIPESTATUS[0]}


passes=${ATTRIBUTION_TEST_PASSES:-sqlite postgres}

# The PostgreSQL pass needs a server on 127.0.0.1:5432 with a role that may create databases (each test store or app gets
# its own database, dropped afterwards). With ATTRIBUTION_TEST_POSTGRES set, that server is the caller's to provide.
if [[ " $passes " == *" postgres "* ]] && [ -z "${ATTRIBUTION_TEST_POSTGRES:-}" ]; then
    bash "$root/tests/postgres.sh" "$results/postgresql-setup.log" 2>&1 | sed 's/^/[tests] /'
    [ "${PIPESTATUS[0]}" -eq 0 ] || fail_early "PostgreSQL is not available, so the PostgreSQL pass cannot run (see above and $results/postgresql-setup.log)"
fi

say "building the solution"
if ! dotnet build AttributionTracker.sln >"$results/build.log" 2>&1; then
    grep -E ': error ' "$results/build.log" | sort -u | head -n 20 | sed 's/^/[tests] /'
    fail_early "the build failed: see $results/build.log"
fi

# The test modules: one per (pass, project). On SQLite every test project of the solution; on PostgreSQL the projects that
# exercise the store (tests/postgres-pass.slnf: core, web, command line): the browser and reliability tests drive the
# same app through its pages and stay on SQLite.
projects_of() { grep -oE '"tests\\{1,2}[^"]+\.csproj"' "$1" | tr -d '"' | sed -E 's#\\{1,2}#/#g'; }
# Roughly longest first. Each module's time depends on what runs beside it; in the session-6 run (2 cores, 2 at a time,
# 13.5 min in all) PostgreSQL CLI took 5.1 min, PostgreSQL core 3.9, browser 3.6, SQLite core 3.3, the web modules 2.3
# each, reliability 1.8, SQLite CLI 1.3; the order below then ends both slots within 20 s of each other. The short
# ones fill the gaps at the end. A project not listed here starts first, its length unknown.
longest_first=(
    postgres:AttributionTracker.Tests sqlite:AttributionTracker.Tests postgres:AttributionTracker.Web.Tests
    sqlite:AttributionTracker.Reliability.Tests postgres:AttributionTracker.Cli.Tests sqlite:AttributionTracker.Browser.Tests
    sqlite:AttributionTracker.Web.Tests sqlite:AttributionTracker.Cli.Tests
)
modules=()
for pass in $passes; do
    case $pass in
        sqlite) list=AttributionTracker.sln ;;
        postgres) list=tests/postgres-pass.slnf ;;
        *) fail_early "ATTRIBUTION_TEST_PASSES: unknown pass '$pass' (sqlite, postgres)" ;;
    esac
    for project in $(projects_of "$list"); do
        modules+=("$pass:$project")
    done
done
ordered=()
for module in "${modules[@]}"; do
    [[ " ${longest_first[*]} " == *" ${module%%:*}:$(basename "${module#*:}" .csproj) "* ]] || ordered+=("$module")
done
for known in "${longest_first[@]}"; do
    for module in "${modules[@]}"; do
        [ "${module%%:*}:$(basename "${module#*:}" .csproj)" = "$known" ] && ordered+=("$module")
    done
done

# Microsoft.Testing.Platform closes a run with "total: N", "failed: N", "succeeded: N", "skipped: N".
number() { grep -E "^[[:space:]]*$2:[[:space:]]*[0-9]+" "$1" | tail -n 1 | grep -oE '[0-9]+' || true; }
minutes() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# Tests that open no store at all are the same on both engines and run on SQLite only: in the PostgreSQL pass they would
# repeat the same work (the package check's tests run dotnet restore three times, about 3 min of a core). xunit cannot mix
# these class filters with a --filter-query given to the run; then the PostgreSQL pass runs them again.
engine_free=(--filter-not-class '*.Repository.PackageCheckTests')

# One module: its own log, and a line with its counts when it ends. Its exit status and time go to "$log.status".
run_module() { # pass, project
    local pass=$1 project=$2 name log start status
    name=$(basename "$project" .csproj)
    log="$results/tests-$pass-$name.log"
    start=$SECONDS
    rm -f "$log.status"
    local only=()
    [ "$pass" = postgres ] && [[ " ${extra[*]} " != *" --filter-query"* ]] && only=("${engine_free[@]}")
    ATTRIBUTION_TEST_DATABASE=$pass dotnet test --no-build --project "$project" "${only[@]}" "${extra[@]}" >"$log" 2>&1
    status=$?
    # CPU seconds of this module's processes (the test host and the programs it started; not the PostgreSQL server's).
    # (`times` straight into a file: in a pipe or $(...) it would run in a new subshell, which has no children yet.)
    local cpu
    times >"$log.times"
    cpu=$(tail -n 1 "$log.times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
    rm -f "$log.times"
    echo "$status $((SECONDS - start)) $cpu" >"$log.status"
    local p f k
    p=$(number "$log" succeeded); f=$(number "$log" failed); k=$(number "$log" skipped)
    say "$pass $name: ${p:-0} passed, ${f:-0} failed, ${k:-0} skipped" \
        "in $(minutes $((SECONDS - start))) (cpu $(minutes "$cpu"), exit $status)"
}

# Both passes at once, module by module: the PostgreSQL modules spend much of their time waiting on the server, and one
# queue over both passes keeps the cores busy to the end instead of leaving one pass's last module running alone.
# ATTRIBUTION_TEST_JOBS modules run side by side (default: 2 on up to 2 cores, else the core count); each module's
# own tests also run in parallel (xunit, one thread per core). More slots did not help on 2 cores: with 4 the run took
# 18.0 min against 16.4 with 2, the PostgreSQL modules then waiting on a server busy with everyone's checkpoints.
cores=$(nproc 2>/dev/null || echo 2)
slots=${ATTRIBUTION_TEST_JOBS:-$((cores > 2 ? cores : 2))}
extra=("$@")
say "running ${#ordered[@]} test modules ($passes), $slots at a time; each has its log: $results/tests-PASS-PROJECT.log"
for module in "${ordered[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$slots" ]; do
        wait -n
    done
    say "${module%%:*} $(basename "${module#*:}" .csproj): started"
    run_module "${module%%:*}" "${module#*:}" &
done
wait

# Test databases a test process could not drop in the few seconds it has as it exits (a DROP waits for a checkpoint,
# slow on a busy machine): every module has ended, so whatever is named like a test's is left over.
if [[ " $passes " == *" postgres "* ]] && [ -z "${ATTRIBUTION_TEST_POSTGRES:-}" ]; then
    leftovers=$(PGPASSWORD=attribution psql -h 127.0.0.1 -U attribution -d postgres -Atc \
        "SELECT datname FROM pg_database WHERE datname LIKE 'attribution\_test\_%'" 2>/dev/null)
    for database in $leftovers; do
        PGPASSWORD=attribution psql -h 127.0.0.1 -U attribution -d postgres -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1
    done
    [ -n "$leftovers" ] && say "dropped $(echo "$leftovers" | wc -w) test database(s) the test processes left behind"
fi

passed=0; failed=0; skipped=0; broken=0
for pass in $passes; do
    p_total=0; p_failed=0; p_passed=0; p_skipped=0
    : >"$results/tests-$pass.log"
    for module in "${ordered[@]}"; do
        [ "${module%%:*}" = "$pass" ] || continue
        name=$(basename "${module#*:}" .csproj)
        log="$results/tests-$pass-$name.log"
        { echo "==== $pass: $name"; cat "$log"; } >>"$results/tests-$pass.log"
        read -r status _ _ <"$log.status" || status=1
        total=$(number "$log" total); failed_=$(number "$log" failed); passed_=$(number "$log" succeeded); skipped_=$(number "$log" skipped)
        total=${total:-0}; failed_=${failed_:-0}; passed_=${passed_:-0}; skipped_=${skipped_:-0}
        # Exit 8 is "zero tests ran": with extra arguments (a filter) a module may match nothing; the pass still must.
        if [ "$status" -ne 0 ] && [ "$failed_" -eq 0 ] && ! { [ "$status" -eq 8 ] && [ "${#extra[@]}" -gt 0 ]; }; then
            say "$pass $name: dotnet test exited with $status (a host failure, not a failed assertion): see $log"
            failed_=1
        fi
        p_total=$((p_total + total)); p_failed=$((p_failed + failed_)); p_passed=$((p_passed + passed_)); p_skipped=$((p_skipped + skipped_))
    done
    say "pass $pass: $p_passed passed, $p_failed failed, $p_skipped skipped (log: $results/tests-$pass.log)"
    if [ "$p_total" -eq 0 ]; then
        say "pass $pass: no test ran"
        broken=1
    fi
    passed=$((passed + p_passed)); failed=$((failed + p_failed)); skipped=$((skipped + p_skipped))
done

# The failed tests by name, the first 20 of a module with the start of their message (all of it is in the module's log).
for module in "${ordered[@]}"; do
    log="$results/tests-${module%%:*}-$(basename "${module#*:}" .csproj).log"
    grep -q '^failed ' "$log" 2>/dev/null || continue
    say "failed in ${module%%:*} $(basename "${module#*:}" .csproj) (see $log):"
    awk '/^failed / { failed++; lines = 0; print "[tests]   " $0; next }
         /^[^ ]/ || /^    at / { lines = 99 }
         failed <= 20 && lines < 3 && /^  / && !/^  from / { print "[tests]     " $0; lines++ }' "$log"
done

if [ "$packages" -eq 1 ]; then
    say "a package with a known vulnerability is in use (listed above): counted as a failure"
    failed=$((failed + 1))
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$broken" -eq 0 ]
