#!/usr/bin/env bash
# Runs every test of AttributionTracker: installs or starts what the tests need when it is missing, builds the
# solution, runs all test projects, and ends with one line "N passed, N failed[, N skipped]" from the real results.
# Usage: bash tests/run.sh [extra dotnet test arguments]
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 2
results="$root/TestResults"
mkdir -p "$results"
log="$results/dotnet-test.log"

say() { printf '[tests] %s\n' "$*"; }

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

say "building and running every test project (dotnet test)"
dotnet test --solution AttributionTracker.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform closes with "total: N", "failed: N", "succeeded: N", "skipped: N".
number() { grep -E "^[[:space:]]*$1:[[:space:]]*[0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || true; }
total=$(number total); failed=$(number failed); passed=$(number succeeded); skipped=$(number skipped)
total=${total:-0}; failed=${failed:-0}; passed=${passed:-0}; skipped=${skipped:-0}

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    say "dotnet test exited with $status (a build or host failure, not a failed assertion): see $log"
    failed=1
fi
if [ "$packages" -eq 1 ]; then
    say "a package with a known vulnerability is in use (listed above): counted as a failure"
    failed=$((failed + 1))
fi
if [ "$total" -eq 0 ]; then
    say "no test ran"
    status=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$total" -gt 0 ]
