#!/usr/bin/env bash
# Shared functions for the fault cases in bench/faults.d/*.sh (sourced, never run). Each case is one executable
# script that starts what it needs through these functions and prints exactly one result line with lw_result.
# Everything a case starts lives under $LW_WORK and is stopped by the EXIT trap (by pid, never by name).
#
#   lw_start_slack [delay_s] [fail_s]   Slack stand-in: answers after delay_s, 500 for the first fail_s seconds
#   lw_start_standalone [args...]       the standalone jar on a free loopback port, webhook token $LW_TOKEN
#   lw_start_registry                   docker-registry notifying the standalone (through a latency-recording proxy)
#   lw_push REPO TAG [ROOTFS_DIR...]    pushes an OCI image (one layer per dir) with curl; prints the manifest digest
#   lw_await_announced N TIMEOUT_S      waits until N pushed digests were posted to Slack (or the timeout)
#   lw_result CASE [extra]              prints: CASE accepted=A announced=N lost=L duplicated=D [extra]
set -uo pipefail

LW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LW_WORK="$(mktemp -d "${TMPDIR:-/tmp}/lw-fault.XXXXXX")"
LW_TOKEN="fault-token-$$"
LW_PIDS=()
LW_JAR="$LW_ROOT/standalone/target/standalone-0.1.0-SNAPSHOT.jar"
: > "$LW_WORK/pushed"

lw_log() { echo "[$(date -u +%T)] $*" >> "$LW_WORK/case.log"; }

lw_cleanup() {
  local pid
  for pid in "${LW_PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${LW_PIDS[@]}"; do
    wait "$pid" 2>/dev/null
  done
  if [ -z "${LW_KEEP:-}" ]; then rm -rf "$LW_WORK"; else echo "kept $LW_WORK" >&2; fi
}
trap lw_cleanup EXIT

lw_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

lw_wait_http() { # URL TIMEOUT_S
  local end=$((SECONDS + $2))
  while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -m 2 "$1" && return 0
    sleep 0.5
  done
  lw_log "no answer from $1 within $2 s"
  return 1
}

# Slack stand-in: records every POST body (one JSON line each) in $LW_WORK/slack.posts
lw_start_slack() {
  LW_SLACK_PORT=$(lw_free_port)
  SLACK_DELAY="${1:-0}" SLACK_FAIL="${2:-0}" python3 - "$LW_SLACK_PORT" "$LW_WORK/slack.posts" \
      >> "$LW_WORK/slack.log" 2>&1 <<'PY' &
import http.server, json, os, sys, threading, time
port, out = int(sys.argv[1]), sys.argv[2]
delay, fail = float(os.environ["SLACK_DELAY"]), float(os.environ["SLACK_FAIL"])
started, lock = time.time(), threading.Lock()
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        failing = time.time() - started < fail
        with lock, open(out, "a") as f:
            f.write(json.dumps({"t": time.time(), "status": 500 if failing else 200, "body": body}) + "\n")
        time.sleep(delay)
        self.send_response(500 if failing else 200)
        self.end_headers()
        self.wfile.write(b"internal_error" if failing else b"ok")
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
PY
  LW_PIDS+=($!)
  LW_SLACK_URL="http://127.0.0.1:$LW_SLACK_PORT/services/T000/B000/fault"
}

lw_build() {
  if [ ! -f "$LW_JAR" ]; then
    (cd "$LW_ROOT" && source bin/find-jdk && ./mvnw -B -q -ntp -DskipTests package -pl standalone -am) >&2 || return 1
  fi
}

lw_start_standalone() {
  lw_build || return 1
  (cd "$LW_ROOT" && source bin/find-jdk >/dev/null 2>&1 && echo "$JAVA_HOME") > "$LW_WORK/java_home"
  LW_APP_PORT=${LW_APP_PORT:-$(lw_free_port)}
  "$(cat "$LW_WORK/java_home")/bin/java" ${LW_JAVA_OPTS:--Xmx512m} -Djava.io.tmpdir="$LW_WORK/tmp" -jar "$LW_JAR" \
      --server.port="$LW_APP_PORT" \
      --layerwatch.ingest.distribution.token="$LW_TOKEN" \
      --layerwatch.registries[0].host="127.0.0.1:${LW_REGISTRY_PORT:?start the registry port first: lw_reserve_registry}" \
      --layerwatch.registries[0].insecure=true \
      --layerwatch.notify.slack.webhook-url="${LW_SLACK_URL:?lw_start_slack first}" \
      --layerwatch.standalone.data-dir="$LW_WORK/data" \
      "$@" >> "$LW_WORK/standalone.log" 2>&1 &
  LW_APP_PID=$!
  LW_PIDS+=($LW_APP_PID)
  mkdir -p "$LW_WORK/tmp"
  lw_wait_http "http://127.0.0.1:$LW_APP_PORT/actuator/health" 240
}

# picks the registry's port before the standalone starts (the standalone allow-lists the registry host)
lw_reserve_registry() { LW_REGISTRY_PORT=$(lw_free_port); LW_PROXY_PORT=$(lw_free_port); }

# Timing proxy between the registry and the webhook: one line per request in $LW_WORK/webhook.times
# ("<seconds> <status>"), so a case can report what the registry itself waited for.
lw_start_webhook_proxy() {
  python3 - "$LW_PROXY_PORT" "$LW_APP_PORT" "$LW_WORK/webhook.times" >> "$LW_WORK/proxy.log" 2>&1 <<'PY' &
import http.server, sys, time, urllib.request, urllib.error
port, target, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        req = urllib.request.Request("http://127.0.0.1:%d%s" % (target, self.path), data=body, method="POST")
        for k in ("Authorization", "Content-Type"):
            if self.headers.get(k): req.add_header(k, self.headers[k])
        t0 = time.time()
        try:
            with urllib.request.urlopen(req, timeout=30) as r: status, data = r.status, r.read()
        except urllib.error.HTTPError as e: status, data = e.code, e.read()
        except Exception as e: status, data = 599, str(e).encode()
        with open(out, "a") as f: f.write("%.3f %d\n" % (time.time() - t0, status))
        self.send_response(status); self.end_headers(); self.wfile.write(data)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
PY
  LW_PIDS+=($!)
}

lw_start_registry() {
  command -v docker-registry >/dev/null || { echo "docker-registry missing (apt-get install docker-registry)" >&2; return 1; }
  lw_start_webhook_proxy
  mkdir -p "$LW_WORK/registry"
  cat > "$LW_WORK/registry/config.yml" <<YML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $LW_WORK/registry/data}, delete: {enabled: true}}
http: {addr: 127.0.0.1:$LW_REGISTRY_PORT}
notifications:
  endpoints:
    - name: layerwatch
      url: http://127.0.0.1:$LW_PROXY_PORT/webhooks/distribution
      headers: {Authorization: [Bearer $LW_TOKEN]}
      timeout: 10s
      threshold: 3
      backoff: 1s
YML
  docker-registry serve "$LW_WORK/registry/config.yml" >> "$LW_WORK/registry.log" 2>&1 &
  LW_PIDS+=($!)
  lw_wait_http "http://127.0.0.1:$LW_REGISTRY_PORT/v2/" 30
}

lw_registry_url() { echo "http://127.0.0.1:$LW_REGISTRY_PORT"; }

# uploads one blob from FILE; prints its digest
lw_put_blob() { # REPO FILE
  local digest location
  digest="sha256:$(sha256sum "$2" | cut -d' ' -f1)"
  location=$(curl -s -D - -o /dev/null -X POST "$(lw_registry_url)/v2/$1/blobs/uploads/" | tr -d '\r' \
      | awk 'tolower($1)=="location:"{print $2}')
  case "$location" in http*) ;; *) location="$(lw_registry_url)$location" ;; esac
  case "$location" in *\?*) location="$location&digest=$digest" ;; *) location="$location?digest=$digest" ;; esac
  curl -sf -o /dev/null -X PUT -H "Content-Type: application/octet-stream" --data-binary "@$2" "$location" || return 1
  echo "$digest"
}

# pushes an OCI image whose layers are the given rootfs directories (or ready .tar.gz files); prints the digest
lw_push() { # REPO TAG [DIR_OR_TGZ...]
  local repo=$1 tag=$2 layers="" diffids="" src tgz digest size n=0
  shift 2
  for src in "$@"; do
    n=$((n + 1))
    if [ -d "$src" ]; then
      tgz="$LW_WORK/layer-$$-$RANDOM-$n.tar.gz"
      tar -C "$src" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - . | gzip -n > "$tgz"
    else
      tgz=$src
    fi
    digest=$(lw_put_blob "$repo" "$tgz") || return 1
    size=$(stat -c %s "$tgz")
    layers="$layers${layers:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"$digest\",\"size\":$size}"
    diffids="$diffids${diffids:+,}\"sha256:$(gzip -dc "$tgz" | sha256sum | cut -d' ' -f1)\""
  done
  printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":[%s]}}' "$diffids" \
      > "$LW_WORK/config-$$.json"
  local cfg cfgsize
  cfg=$(lw_put_blob "$repo" "$LW_WORK/config-$$.json") || return 1
  cfgsize=$(stat -c %s "$LW_WORK/config-$$.json")
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[%s]}' \
      "$cfg" "$cfgsize" "$layers" > "$LW_WORK/manifest-$$.json"
  curl -sf -o /dev/null -X PUT -H "Content-Type: application/vnd.oci.image.manifest.v1+json" \
      --data-binary "@$LW_WORK/manifest-$$.json" "$(lw_registry_url)/v2/$repo/manifests/$tag" || return 1
  digest="sha256:$(sha256sum "$LW_WORK/manifest-$$.json" | cut -d' ' -f1)"
  echo "$digest" >> "$LW_WORK/pushed"
  echo "$digest"
}

# a small debian-like rootfs with a valid dpkg status; distinct per call so every image is new
lw_rootfs() { # NAME
  local dir="$LW_WORK/rootfs-$1"
  mkdir -p "$dir/var/lib/dpkg" "$dir/etc"
  printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n' > "$dir/etc/os-release"
  printf 'Package: fault-%s\nStatus: install ok installed\nVersion: 1.0-1\nArchitecture: amd64\n\n' "$1" \
      > "$dir/var/lib/dpkg/status"
  echo "$dir"
}

# counts over $LW_WORK/pushed (one digest per accepted push) and the Slack stand-in's posts
lw_count() {
  python3 - "$LW_WORK/pushed" "$LW_WORK/slack.posts" <<'PY'
import json, os, sys
pushed = [l.strip() for l in open(sys.argv[1]) if l.strip()]
posts = [json.loads(l) for l in open(sys.argv[2])] if os.path.exists(sys.argv[2]) else []
ok = [p["body"] for p in posts if p["status"] == 200]
counts = {d: sum(d in b for b in ok) for d in pushed}
announced = sum(1 for c in counts.values() if c > 0)
dup = sum(c - 1 for c in counts.values() if c > 1)
print(len(pushed), announced, len(pushed) - announced, dup)
PY
}

lw_await_announced() { # N TIMEOUT_S
  local end=$((SECONDS + $2)) a
  while [ $SECONDS -lt $end ]; do
    read -r _ a _ _ < <(lw_count)
    [ "$a" -ge "$1" ] && return 0
    sleep 1
  done
  return 1
}

# webhook latency the registry saw: "p99=<s> max=<s> n=<count> non2xx=<count>"
lw_webhook_latency() {
  [ -f "$LW_WORK/webhook.times" ] || { echo "webhook n=0"; return; }
  sort -n "$LW_WORK/webhook.times" | awk '{t[NR]=$1; if ($2 >= 300) bad++} END {
    i = int(NR * 0.99 + 0.999); if (i < 1) i = 1; if (i > NR) i = NR;
    printf "webhook p99=%.3fs max=%.3fs n=%d non2xx=%d", t[i], t[NR], NR, bad + 0 }'
}

lw_result() { # CASE [EXTRA]
  local a n l d
  read -r a n l d < <(lw_count)
  echo "$1 accepted=$a announced=$n lost=$l duplicated=$d${2:+ $2}"
}

# the usual set-up: Slack stand-in, registry port reserved, standalone, registry notifying it
lw_start_all() { # [slack_delay] [slack_fail] [standalone args...]
  local delay=${1:-0} fail=${2:-0}
  shift 2 2>/dev/null || shift $#
  lw_start_slack "$delay" "$fail"
  lw_reserve_registry
  # the vulnerability DB updater would reach public feeds at start-up: off, the cases need no findings
  lw_start_standalone --layerwatch.vulndb.update.enabled=false "$@" || return 1
  lw_start_registry
}
