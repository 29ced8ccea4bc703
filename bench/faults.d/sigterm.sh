#!/usr/bin/env bash
# SIGTERM to the standalone with FAULT_PUSHES (10) pushes in flight, then a restart on the same data directory.
# Extra fields: in_flight_at_term, stop_s (SIGTERM until the JVM exited), broker_log_kept, redis_stopped.
source "$(dirname "$0")/lib.sh"
LW_JAR=${LW_BENCH_JAR:-$LW_JAR}   # e.g. a copy, so a rebuild cannot replace the jar under a running case
# start-up can take minutes on a loaded machine: at least LW_START_TIMEOUT_S (600) for every wait
eval "$(declare -f lw_wait_http | sed '1s/lw_wait_http/lw_wait_http_lib/')"
lw_wait_http() { lw_wait_http_lib "$1" "$(( $2 > ${LW_START_TIMEOUT_S:-600} ? $2 : ${LW_START_TIMEOUT_S:-600} ))"; }
N=${FAULT_PUSHES:-10}
lw_start_all 0 0 || { echo "sigterm ERROR set-up failed (kept in $LW_WORK)"; LW_KEEP=1; exit 1; }
for i in $(seq 1 "$N"); do lw_push fault/sigterm "v$i" "$(lw_rootfs "sigterm-$i")" >/dev/null; done
sleep "${TERM_AFTER_S:-0.3}"
read -r _ before _ _ < <(lw_count)
redis_pid=$(head -n 1 "$LW_WORK/data/redis/redis-server.pid")
t0=$SECONDS
kill -TERM "$LW_APP_PID"
wait "$LW_APP_PID" 2>/dev/null
stop=$((SECONDS - t0))
kept=$( [ -f "$LW_WORK/data/kafka/meta.properties" ] && ls -d "$LW_WORK"/data/kafka/image-pushed.v1-* >/dev/null 2>&1 && echo yes || echo no)
stopped=$(kill -0 "$redis_pid" 2>/dev/null && echo no || echo yes)
t0=$SECONDS
lw_start_standalone || { echo "sigterm ERROR restart failed"; exit 1; }
lw_await_announced "$N" 300
restart=$((SECONDS - t0))
sleep "${DUPLICATE_WAIT_S:-10}"
lw_result sigterm "in_flight_at_term=$((N - before)) stop_s=$stop broker_log_kept=$kept redis_stopped=$stopped restart_s=$restart"
