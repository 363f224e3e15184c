#!/bin/bash
# The machine's CPU time per ticket in the middle of a `support bench pipeline` run (seconds 9–19 of 20),
# read from /proc/stat: every process on the machine counts (PostgreSQL, the workers, the benchmark).
# Less noisy than latency near saturation, so two builds compare better with it.
#
#   DATABASE_URL=$(Deploy/local/pg.sh url) Deploy/local/cpu-per-ticket.sh .build-queue/release/support 20
set -euo pipefail
binary=${1:?usage: cpu-per-ticket.sh SUPPORT_BINARY [RATE]}
rate=${2:-20}
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
ticks=$(getconf CLK_TCK)
(
  sleep 9; a=$(busy); sleep 10; b=$(busy)
  awk -v d=$((b - a)) -v t="$ticks" -v r="$rate" \
    'BEGIN { printf "cpu_ms_per_ticket=%.1f busy_cores=%.2f\n", d * 1000 / t / (r * 10), d / t / 10 }'
) &
"$binary" bench pipeline --rate "$rate" --seconds 20 2>&1 | grep '^peer' | grep 'p50\|p99'
wait
