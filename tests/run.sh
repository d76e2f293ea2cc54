#!/usr/bin/env bash
# Runs every test of AttributionTracker: installs or starts what the tests need when it is missing (Chromium, a local
# PostgreSQL server), builds the solution, runs all test projects on SQLite, then the core, web and command-line tests
# again on PostgreSQL, and ends with one line "N passed, N failed[, N skipped]" summing both passes' real results.
# Usage: bash tests/run.sh [extra dotnet test arguments, given to both passes]
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

# Microsoft.Testing.Platform closes a run with "total: N", "failed: N", "succeeded: N", "skipped: N".
number() { grep -E "^[[:space:]]*$2:[[:space:]]*[0-9]+" "$1" | tail -n 1 | grep -oE '[0-9]+' || true; }

passed=0; failed=0; skipped=0; broken=0
run_pass() { # name, then the dotnet test arguments that choose the tests
    local name=$1; shift
    local log="$results/tests-$name.log"
    say "pass $name: dotnet test $* (log: $log)"
    dotnet test --no-build "$@" 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    local total failed_ passed_ skipped_
    total=$(number "$log" total); failed_=$(number "$log" failed); passed_=$(number "$log" succeeded); skipped_=$(number "$log" skipped)
    total=${total:-0}; failed_=${failed_:-0}; passed_=${passed_:-0}; skipped_=${skipped_:-0}
    say "pass $name: $passed_ passed, $failed_ failed, $skipped_ skipped"
    if [ "$status" -ne 0 ] && [ "$failed_" -eq 0 ]; then
        say "pass $name: dotnet test exited with $status (a host failure, not a failed assertion): see $log"
        failed_=1
    fi
    if [ "$total" -eq 0 ]; then
        say "pass $name: no test ran"
        broken=1
    fi
    passed=$((passed + passed_)); failed=$((failed + failed_)); skipped=$((skipped + skipped_))
}

for pass in $passes; do
    case $pass in
        sqlite)
            ATTRIBUTION_TEST_DATABASE=sqlite run_pass sqlite --solution AttributionTracker.sln "$@" ;;
        postgres)
            # The projects that exercise the store (tests/postgres-pass.slnf: core, web, command line); the browser and
            # reliability tests drive the same app through its pages and stay on SQLite.
            ATTRIBUTION_TEST_DATABASE=postgres run_pass postgres --solution tests/postgres-pass.slnf "$@" ;;
        *)
            fail_early "ATTRIBUTION_TEST_PASSES: unknown pass '$pass' (sqlite, postgres)" ;;
    esac
done

if [ "$packages" -eq 1 ]; then
    say "a package with a known vulnerability is in use (listed above): counted as a failure"
    failed=$((failed + 1))
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$broken" -eq 0 ]
