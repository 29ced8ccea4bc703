#!/usr/bin/env bash
# kill -9 of the standalone with FAULT_PUSHES (10) pushes in flight, then a restart on the same data directory.
# Extra fields: in_flight_at_kill (pushed but not yet announced when the JVM died), orphan_swept (the killed JVM's
# redis-server was stopped by the next start-up), restart_s (restart until everything was announced).
source "$(dirname "$0")/lib.sh"
LW_JAR=${LW_BENCH_JAR:-$LW_JAR}   # e.g. a copy, so a rebuild cannot replace the jar under a running case
# start-up can take minutes on a loaded machine: at least LW_START_TIMEOUT_S (600) for every wait
eval "$(declare -f lw_wait_http | sed '1s/lw_wait_http/lw_wait_http_lib/')"
lw_wait_http() { lw_wait_http_lib "$1" "$(( $2 > ${LW_START_TIMEOUT_S:-600} ? $2 : ${LW_START_TIMEOUT_S:-600} ))"; }
N=${FAULT_PUSHES:-10}
lw_start_all 0 0 || { echo "kill9 ERROR set-up failed (kept in $LW_WORK)"; LW_KEEP=1; exit 1; }
for i in $(seq 1 "$N"); do lw_push fault/kill9 "v$i" "$(lw_rootfs "kill9-$i")" >/dev/null; done
sleep "${KILL_AFTER_S:-0.3}"
read -r _ before _ _ < <(lw_count)
redis_pid=$(head -n 1 "$LW_WORK/data/redis/redis-server.pid")
kill -9 "$LW_APP_PID"
wait "$LW_APP_PID" 2>/dev/null
orphaned=$(kill -0 "$redis_pid" 2>/dev/null && echo yes || echo no)
t0=$SECONDS
lw_start_standalone || { echo "kill9 ERROR restart failed"; exit 1; }
swept=$( [ "$orphaned" = yes ] && ! kill -0 "$redis_pid" 2>/dev/null && echo yes || echo no)
lw_await_announced "$N" 300
restart=$((SECONDS - t0))
sleep "${DUPLICATE_WAIT_S:-10}"
lw_result kill9 "in_flight_at_kill=$((N - before)) orphan_swept=$swept restart_s=$restart"
