#!/usr/bin/env bash
# Slack answers 500 for its first 60 s: both images are announced once it recovers, each once.
source "$(dirname "$0")/lib.sh"
lw_start_all 0 "${LW_FAIL_S:-60}" || { echo "slack-failing ERROR start"; exit 1; }
lw_push team/failing 1 "$(lw_rootfs failing-1)" >/dev/null
lw_push team/failing 2 "$(lw_rootfs failing-2)" >/dev/null
lw_await_announced 2 "${LW_TIMEOUT:-300}"
sleep "${LW_SETTLE:-20}"
lw_result slack-failing
