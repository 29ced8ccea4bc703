#!/usr/bin/env bash
# A 5 KB gzip layer holding a 5 MB dpkg status of invalid lines, among 5 normal pushes, at -Xmx256m: every image is
# announced (the hostile one with a warning on its status file) and the JVM is still up.
source "$(dirname "$0")/lib.sh"
LW_JAVA_OPTS="-Xmx256m" lw_start_all 0 0 || { echo "hostile-dpkg ERROR start"; exit 1; }
hostile="$LW_WORK/hostile"
mkdir -p "$hostile/var/lib/dpkg"
head -c $((5 * 1024 * 1024)) < <(yes x) > "$hostile/var/lib/dpkg/status"
for i in 1 2 3; do lw_push team/normal "$i" "$(lw_rootfs normal-$i)" >/dev/null; done
lw_push team/hostile 1 "$hostile" >/dev/null
for i in 4 5; do lw_push team/normal "$i" "$(lw_rootfs normal-$i)" >/dev/null; done
lw_await_announced 6 "${LW_TIMEOUT:-240}"
sleep "${LW_SETTLE:-10}"
alive=$(kill -0 "$LW_APP_PID" 2>/dev/null && echo up || echo DOWN)
lw_result hostile-dpkg "jvm=$alive layer=$(du -b "$LW_WORK"/layer-*.tar.gz 2>/dev/null | sort -n | tail -1 | cut -f1)B"
