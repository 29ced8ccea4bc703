#!/usr/bin/env bash
# redis-server killed (SIGKILL) while FAULT_PUSHES (10) pushes are in flight; the standalone's watchdog starts it
# again on the same port and append-only file. Extra fields: redis_restarted, all_announced_s.
source "$(dirname "$0")/lib.sh"
LW_JAR=${LW_BENCH_JAR:-$LW_JAR}   # e.g. a copy, so a rebuild cannot replace the jar under a running case
# start-up can take minutes on a loaded machine: at least LW_START_TIMEOUT_S (600) for every wait
eval "$(declare -f lw_wait_http | sed '1s/lw_wait_http/lw_wait_http_lib/')"
lw_wait_http() { lw_wait_http_lib "$1" "$(( $2 > ${LW_START_TIMEOUT_S:-600} ? $2 : ${LW_START_TIMEOUT_S:-600} ))"; }
N=${FAULT_PUSHES:-10}
lw_start_all 0 0 || { echo "redis-killed ERROR set-up failed (kept in $LW_WORK)"; LW_KEEP=1; exit 1; }
t0=$SECONDS
half=$((N / 2))
for i in $(seq 1 "$half"); do lw_push fault/redis-killed "v$i" "$(lw_rootfs "redis-$i")" >/dev/null; done
redis_pid=$(head -n 1 "$LW_WORK/data/redis/redis-server.pid")
kill -9 "$redis_pid"
for i in $(seq $((half + 1)) "$N"); do lw_push fault/redis-killed "v$i" "$(lw_rootfs "redis-$i")" >/dev/null; done
lw_await_announced "$N" 300
all=$((SECONDS - t0))
sleep 2
new_pid=$(head -n 1 "$LW_WORK/data/redis/redis-server.pid")
restarted=$( [ "$new_pid" != "$redis_pid" ] && kill -0 "$new_pid" 2>/dev/null && echo yes || echo no)
sleep "${DUPLICATE_WAIT_S:-10}"
lw_result redis-killed "redis_restarted=$restarted all_announced_s=$all"
