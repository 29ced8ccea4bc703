#!/usr/bin/env bash
# 250 anonymous connections trickle their bodies at 0.5 B/s while 10 real pushes arrive: every real webhook is
# answered within 1 s (p99 as the registry saw it, through the timing proxy) and all 10 are announced.
source "$(dirname "$0")/lib.sh"
lw_start_all 0 0 || { echo "slow-bodies ERROR start"; exit 1; }
python3 - "$LW_APP_PORT" "${LW_SLOW:-250}" "${LW_SLOW_S:-120}" >> "$LW_WORK/slow.log" 2>&1 <<'PY' &
import socket, sys, time
port, n, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
head = ("POST /webhooks/distribution HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 100000\r\n\r\n").encode()
socks = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port)); s.sendall(head); socks.append(s)
end = time.time() + seconds
while time.time() < end:
    for s in list(socks):
        try: s.send(b" ")
        except OSError:
            socks.remove(s)
            s = socket.create_connection(("127.0.0.1", port)); s.sendall(head); socks.append(s)
    time.sleep(2)
PY
LW_PIDS+=($!)
sleep 3
for i in $(seq 1 10); do lw_push team/slowbody "$i" "$(lw_rootfs slowbody-$i)" >/dev/null; sleep 1; done
lw_await_announced 10 "${LW_TIMEOUT:-240}"
sleep "${LW_SETTLE:-5}"
lw_result slow-bodies "$(lw_webhook_latency)"
