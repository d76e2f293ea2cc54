#!/usr/bin/env bash
# Fails when any package the solution uses, directly or transitively, has a known vulnerability in the advisories
# of its NuGet sources (`dotnet list package --vulnerable`, which also reads nuget.config's <auditSources>).
# Usage: bash tests/check-packages.sh [PROJECT-OR-SOLUTION] [REPORT-FILE]
# Exit 0: none known. Exit 1: vulnerable packages, listed. Exit 3: the check could not run (no advisories to read).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$(realpath "${1:-$root/AttributionTracker.sln}")"
report="${2:-$(mktemp)}"

# A mirror without advisory data answers "no vulnerable packages" for everything. A canary that is known to be
# vulnerable (Newtonsoft.Json 12.0.1, GHSA-5crp-9r3c-p9vr) tells that apart from a clean bill. It sits beside the
# target so that the target's nuget.config, and so its sources, apply to it too.
canary="$(mktemp -d -p "$(dirname "$target")" .package-canary.XXXXXX)"
trap 'rm -rf "$canary"' EXIT
cat >"$canary/canary.csproj" <<'PROJECT'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Newtonsoft.Json" Version="12.0.1" />
  </ItemGroup>
</Project>
PROJECT
if ! dotnet restore "$canary/canary.csproj" >"$canary/restore.log" 2>&1 \
    || ! dotnet list "$canary/canary.csproj" package --vulnerable --format json >"$canary/list.json" 2>&1 \
    || ! grep -q '"advisoryurl"' "$canary/list.json"; then
    echo "the package sources publish no vulnerability data (a canary with Newtonsoft.Json 12.0.1 was not flagged):" \
        "the check could not run; configure an <auditSources> entry in nuget.config that has advisories"
    exit 3
fi

# Restored first: a fresh clone has no assets files for `dotnet list` to read.
if ! dotnet restore "$target" >"$report" 2>&1 \
    || ! dotnet list "$target" package --vulnerable --include-transitive --format json >"$report" 2>&1; then
    echo "restoring or listing the packages failed (see $report)"
    exit 3
fi

# The JSON names each vulnerable package with an advisory URL; nothing else in it does.
if grep -q '"advisoryurl"' "$report"; then
    echo "known-vulnerable packages (see $report):"
    grep -E '"id"|"resolvedVersion"|"severity"|"advisoryurl"' "$report" | tr -d ' ",' | paste -sd' ' | sed 's/ *id:/\n  id:/g' | sed '/^$/d'
    exit 1
fi

echo "no known-vulnerable packages"
