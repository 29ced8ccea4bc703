#!/usr/bin/env bash
# Slack answers every post after 12 s (beyond the old 10 s client timeout): 2 pushes must give 2 posts, not 7.
source "$(dirname "$0")/lib.sh"
lw_start_all 12 0 || { echo "slack-slow ERROR start (see $LW_WORK)"; exit 1; }
lw_push team/slow 1 "$(lw_rootfs slow-1)" >/dev/null
lw_push team/slow 2 "$(lw_rootfs slow-2)" >/dev/null
lw_await_announced 2 "${LW_TIMEOUT:-180}"
sleep "${LW_SETTLE:-45}"   # time for any retry to post again
lw_result slack-slow
