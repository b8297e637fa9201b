#!/usr/bin/env bash
# Reproduces docs/benchmarks.md: BenchmarkDotNet suite, then the scale test for 10k and 1M users on SQLite and PostgreSQL.
# PostgreSQL: MFA_BENCH_POSTGRES (the role needs CREATEDB; the database is dropped and recreated).
set -euo pipefail
cd "$(dirname "$0")/.."
export MFA_BENCH_POSTGRES="${MFA_BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Username=mfa;Password=mfa;Database=mfa_scale;Timeout=60}"
REQUESTS="${MFA_BENCH_REQUESTS:-2000}"
OUT=benchmarks/results
mkdir -p "$OUT"

{ echo "nproc: $(nproc)"; grep -m1 'model name' /proc/cpuinfo; grep MemTotal /proc/meminfo; date -u; } > "$OUT/machine.txt"

dotnet build benchmarks/Mfa.Benchmarks -c Release
dotnet build benchmarks/Mfa.ScaleTest -c Release

uptime > "$OUT/bdn-uptime-start.txt"
(cd benchmarks/Mfa.Benchmarks && dotnet run -c Release --no-build -- --filter '*' --artifacts ../results/bdn) | tee "$OUT/bdn-console.log"
uptime > "$OUT/bdn-uptime-end.txt"

for db in sqlite postgres; do
  for users in 10000 1000000; do
    name="scale-$db-$([ "$users" = 10000 ] && echo 10k || echo 1m).txt"
    (cd benchmarks/Mfa.ScaleTest && dotnet run -c Release --no-build -- "$db" "$users" "$REQUESTS" \
      "$([ "$db" = postgres ] && echo "$MFA_BENCH_POSTGRES" || true)") | tee "$OUT/$name"
  done
done
