#!/usr/bin/env bash
# Runs one process and starts it again when it exits on its own, as a Kubernetes pod's restart
# policy or systemd's Restart= would: after 1 s, then 2, 4, ... capped at 30 s, back to 1 s once it
# has stayed up a minute. Exit code 78 (a missing or bad setting) is not retried: it would fail the
# same way every time. SIGTERM or SIGINT (services.sh down) goes to the process, and supervision ends
# with its exit code. What happened is kept for `npm run status` in $PID_DIR/<name>.restarts.
# Usage: supervise.sh <name> <command...>   (started by start_daemon: its log is the process's log)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set +e # exit codes are what this script reads, not failures of its own

name="$1"
shift
initial_ms="${VAX_RESTART_INITIAL_MS:-1000}"
max_ms="${VAX_RESTART_MAX_MS:-30000}"
stable_s="${VAX_RESTART_STABLE_S:-60}"
state="$PID_DIR/$name.restarts"
child="" stopping=0 restarts=0 delay_ms="$initial_ms"
rm -f "$state"

say() { # one JSON line, as the services log
  printf '{"level":"%s","time":"%s","service":"%s","context":"supervisor","msg":"%s"}\n' \
    "$1" "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" "$name" "$2"
}
stop() {
  stopping=1
  # The process may have had the signal already (sent to the group); services ignore a second one.
  [[ -n "$child" ]] && kill -TERM "$child" 2>/dev/null
}
trap stop TERM INT

while :; do
  started=$SECONDS
  "$@" &
  child=$!
  # A trapped signal cuts `wait` short; wait until the process is gone, then read its exit code.
  while kill -0 "$child" 2>/dev/null; do wait "$child"; done
  wait "$child"
  code=$?
  child=""
  ((stopping)) && exit "$code"
  if ((code == 78)); then
    say error "exited with 78 (configuration): not starting it again until the setting is fixed"
    echo "$restarts 78 $(date -u +%H:%M:%S) stopped" >"$state"
    exit 78
  fi
  ((SECONDS - started >= stable_s)) && delay_ms="$initial_ms"
  restarts=$((restarts + 1))
  echo "$restarts $code $(date -u +%H:%M:%S) restarting" >"$state"
  say warn "exited with $code, starting it again in ${delay_ms} ms (restart $restarts)"
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))" &
  pause=$!
  wait "$pause" # a signal ends the pause at once...
  kill "$pause" 2>/dev/null # ...and the sleep with it: left behind, it would hold the log (and a test runner's pipe) open
  ((stopping)) && exit 0
  delay_ms=$((delay_ms * 2 > max_ms ? max_ms : delay_ms * 2))
  echo "$restarts $code $(date -u +%H:%M:%S) running" >"$state"
done
