#!/usr/bin/env bash
# Benchmarks the extractor (Release build, one thread, ~4 KB articles from tests/corpus, 20 s per figure) and prints
# the machine it ran on, so the figures can go into docs/benchmarks.md as they are.
# Usage: bash tests/bench/extractor.sh [more bench options, e.g. --size 8192]
# A benchmark, not a test: nothing here passes or fails on timings. Run it on an otherwise idle machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "machine: $(nproc) processors, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), .NET SDK $(dotnet --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --project src/AttributionTracker.Cli -- bench tests/corpus --seconds 20 "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
