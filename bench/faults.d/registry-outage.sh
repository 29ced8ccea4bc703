#!/usr/bin/env bash
# Fault case (issue #10): the registry goes down right after it notified Layerwatch of pushes, and stays down for
# OUTAGE_S seconds (default 90). Every pushed image must be scanned once the registry is back and announced exactly
# once; with OUTAGE_S past the retry window (WINDOW, default the product default of 1h) each must instead get one
# "scan failed: registry … unreachable since …" announcement, and a DLQ replay after the registry returns scans it.
#
# How: a registry without notifications holds IMAGES (default 5) images; it is stopped, then one distribution
# webhook per image is posted to the standalone (what the registry had sent just before dying); after OUTAGE_S the
# same registry (same port, same storage) starts again. Prints one line:
#   registry-outage accepted=A announced=N lost=L duplicated=D outage=…s recovered_in=…s failed_announcements=F
# Run through bench/faults.sh (which runs every case) or alone: bash bench/faults.d/registry-outage.sh
source "$(dirname "$0")/lib.sh" || { echo "registry-outage ERROR: bench/faults.d/lib.sh (issue #11) missing"; exit 1; }

OUTAGE_S=${OUTAGE_S:-90}
IMAGES=${IMAGES:-5}
WINDOW=${WINDOW:-1h}

lw_start_slack 0 0
lw_reserve_registry

# the registry, without notification endpoints: the webhooks are posted by this script while it is down
mkdir -p "$LW_WORK/registry"
cat > "$LW_WORK/registry/config.yml" <<YML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $LW_WORK/registry/data}}
http: {addr: 127.0.0.1:$LW_REGISTRY_PORT}
YML
start_registry() {
  docker-registry serve "$LW_WORK/registry/config.yml" >> "$LW_WORK/registry.log" 2>&1 &
  REGISTRY_PID=$!
  LW_PIDS+=($REGISTRY_PID)
  lw_wait_http "http://127.0.0.1:$LW_REGISTRY_PORT/v2/" 30
}
start_registry || { echo "registry-outage ERROR: registry did not start"; exit 1; }

lw_start_standalone --layerwatch.vulndb.update.enabled=false --layerwatch.scan.retry.window="$WINDOW" \
  || { echo "registry-outage ERROR: standalone did not start (see $LW_WORK/standalone.log)"; exit 1; }

declare -a DIGESTS TAGS
for i in $(seq 1 "$IMAGES"); do
  TAGS[$i]="v$i"
  DIGESTS[$i]=$(lw_push outage/app "v$i" "$(lw_rootfs "outage-$i-$$")") || { echo "registry-outage ERROR: push $i failed"; exit 1; }
done

kill "$REGISTRY_PID"; wait "$REGISTRY_PID" 2>/dev/null
down_at=$SECONDS
lw_log "registry stopped"

accepted_http=0
for i in $(seq 1 "$IMAGES"); do
  body=$(printf '{"events":[{"id":"outage-%s-%s","timestamp":"%s","action":"push","target":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","repository":"outage/app","url":"http://127.0.0.1:%s/v2/outage/app/manifests/%s","tag":"%s"},"request":{"host":"127.0.0.1:%s","method":"PUT"},"actor":{},"source":{"addr":"127.0.0.1:%s"}}]}' \
    "$$" "$i" "$(date -u +%FT%TZ)" "${DIGESTS[$i]}" "$LW_REGISTRY_PORT" "${DIGESTS[$i]}" "${TAGS[$i]}" "$LW_REGISTRY_PORT" "$LW_REGISTRY_PORT")
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $LW_TOKEN" \
    -H "Content-Type: application/vnd.docker.distribution.events.v1+json" --data "$body" \
    "http://127.0.0.1:$LW_APP_PORT/webhooks/distribution")
  [ "$code" = 202 ] && accepted_http=$((accepted_http + 1))
done

sleep $((OUTAGE_S - (SECONDS - down_at) > 0 ? OUTAGE_S - (SECONDS - down_at) : 0))
start_registry || { echo "registry-outage ERROR: registry did not come back"; exit 1; }
up_at=$SECONDS
lw_log "registry back after $((up_at - down_at)) s"

failed_announcements() {
  python3 - "$LW_WORK/slack.posts" <<'PY'
import json, os, sys
p = sys.argv[1]
print(sum(1 for l in open(p) if "scan failed" in json.loads(l)["body"].lower()) if os.path.exists(p) else 0)
PY
}

if lw_await_announced "$IMAGES" 900; then recovered="$((SECONDS - up_at))s"; else recovered="timeout"; fi
failed=$(failed_announcements)
if [ "$failed" -gt 0 ]; then # past the window: replay the DLQ now that the registry is back
  curl -s -o /dev/null -X POST "http://127.0.0.1:$LW_APP_PORT/actuator/dlqreplay"
  sleep 30
fi
sleep 10 # a duplicate would show up by now
lw_result registry-outage "outage=$((up_at - down_at))s recovered_in=$recovered webhooks_202=$accepted_http failed_announcements=$failed"
