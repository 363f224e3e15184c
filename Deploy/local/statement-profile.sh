#!/bin/bash
# Server time per ticket by statement (pg_stat_statements) over a `support bench pipeline` run: execution
# and planning time, and calls, each divided by the tickets sent. Says which statements cost PostgreSQL
# the most, and which are planned on every run (a large `plan`).
#
#   DATABASE_URL=$(Deploy/local/pg.sh url) Deploy/local/statement-profile.sh .build-queue/release/support 150 [SECONDS] [ROWS]
#
# ORDER_BY=calls (any pg_stat_statements expression) sorts by that instead of by server time.
#
# Loads pg_stat_statements into the local cluster for the run (a restart before and after), so use it on
# the throwaway cluster only. Setting-up statements (the history) show with calls near 0.
set -euo pipefail
binary=${1:?usage: statement-profile.sh SUPPORT_BINARY RATE [SECONDS] [ROWS]}
rate=${2:?usage: statement-profile.sh SUPPORT_BINARY RATE [SECONDS] [ROWS]}
seconds=${3:-20}
rows=${4:-25}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
url="${DATABASE_URL:?DATABASE_URL is not set}"
sql() { PGOPTIONS="-c client_min_messages=warning" psql "$url" -X -q "$@"; }

sql -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
"$here/pg.sh" restart >/dev/null 2>&1
restore() {
  sql -c "ALTER SYSTEM RESET shared_preload_libraries" -c "ALTER SYSTEM RESET pg_stat_statements.track_planning" >/dev/null || true
  "$here/pg.sh" restart >/dev/null 2>&1 || true
}
trap restore EXIT
sql -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" >/dev/null
sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT pg_stat_statements_reset()" >/dev/null

"$binary" bench pipeline --rate "$rate" --seconds "$seconds" --warmup 1 2>&1 | grep '^peer' | grep 'p50\|p99'
tickets=$((rate * (seconds + 1)))
sql -P pager=off -c "
  WITH s AS (SELECT s.* FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
             WHERE d.datname = 'support_bench_pipeline')
  SELECT round(sum(total_exec_time + total_plan_time)::numeric / $tickets, 3) AS ms_per_ticket,
         round(sum(total_plan_time)::numeric / $tickets, 3) AS planning, round(sum(calls)::numeric / $tickets, 2) AS calls
  FROM s" -c "
  WITH s AS (SELECT s.* FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
             WHERE d.datname = 'support_bench_pipeline')
  SELECT round((total_exec_time + total_plan_time)::numeric / $tickets, 3) AS ms, round(total_plan_time::numeric / $tickets, 3) AS plan,
         round(calls::numeric / $tickets, 2) AS calls, round(rows::numeric / greatest(calls, 1), 1) AS rows_per_call, left(regexp_replace(query, '\s+', ' ', 'g'), 90) AS statement
  FROM s ORDER BY ${ORDER_BY:-total_exec_time + total_plan_time} DESC LIMIT $rows"
