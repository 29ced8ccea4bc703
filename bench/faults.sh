#!/usr/bin/env bash
# Fault cases against the standalone with a real docker-registry (issue #11). Runs every bench/faults.d/*.sh
# (or the ones named: bench/faults.sh slack-slow hol) and prints one line per case:
#   <case> accepted=A announced=N lost=L duplicated=D [webhook p99=…]
# Goal: lost=0 duplicated=0 and every real webhook answered within 1 s. Needs docker-registry, redis-server and
# python3. Builds the standalone jar when missing (delete standalone/target/*.jar to rebuild). Not run by CI: the
# same cases run shortened as integration tests (standalone/src/test/.../faults).
set -uo pipefail
cd "$(dirname "$0")"
cases=()
if [ $# -gt 0 ]; then
  for c in "$@"; do cases+=("faults.d/${c%.sh}.sh"); done
else
  for c in faults.d/*.sh; do [ "$(basename "$c")" = lib.sh ] || cases+=("$c"); done
fi
failed=0
for c in "${cases[@]}"; do
  line=$(bash "$c" 2>>"${TMPDIR:-/tmp}/lw-faults.err" | tail -n 1)
  [ -n "$line" ] || line="$(basename "$c" .sh) ERROR (no result line; see ${TMPDIR:-/tmp}/lw-faults.err)"
  echo "$line"
  case "$line" in *" lost=0 duplicated=0"*) ;; *) failed=1 ;; esac
done
exit $failed
