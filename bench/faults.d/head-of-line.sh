#!/usr/bin/env bash
# An envelope whose event names an invalid registry host (the probe's "Host: evil_host:5000") is answered 202 and
# dead-lettered; the registry's later pushes are not held behind it.
source "$(dirname "$0")/lib.sh"
lw_start_all 0 0 || { echo "head-of-line ERROR start"; exit 1; }
bad='{"events":[{"id":"hol-bad-1","timestamp":"2026-01-01T00:00:00Z","action":"push","target":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:'$(printf '%064d' 1)'","repository":"team/hol","tag":"bad"},"request":{"host":"evil_host:5000"}}]}'
status=$(curl -s -o "$LW_WORK/hol.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $LW_TOKEN" \
    -H "Content-Type: application/vnd.docker.distribution.events.v1+json" --data "$bad" \
    "http://127.0.0.1:$LW_APP_PORT/webhooks/distribution")
for i in 1 2 3; do lw_push team/hol "$i" "$(lw_rootfs hol-$i)" >/dev/null; done
lw_await_announced 3 "${LW_TIMEOUT:-180}"
sleep "${LW_SETTLE:-5}"
lw_result head-of-line "bad-event=$status"
