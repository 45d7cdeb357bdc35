# Shared helpers of the local-process stack (sourced, not run). Everything lives under:
#   $VAX_RUN_DIR   (default <repo>/.run)          data, logs and pid files of this checkout's stack
#   $VAX_CACHE_DIR (default ~/.cache/vax-platform) downloaded jars and built binaries, safe to delete
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VAX_RUN_DIR="${VAX_RUN_DIR:-$REPO_ROOT/.run}"
VAX_CACHE_DIR="${VAX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vax-platform}"
LOG_DIR="$VAX_RUN_DIR/logs"
PID_DIR="$VAX_RUN_DIR/pids"
mkdir -p "$LOG_DIR" "$PID_DIR" "$VAX_CACHE_DIR"

# Ports: the same as docker-compose.yml.
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
POSTGRES_PORT="${POSTGRES_PORT:-5432}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"

KAFKA_VERSION=3.9.1
TEMPORAL_CLI_VERSION=v1.5.1   # later tags carry a go.mod `replace` that `go install` rejects

step() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
info() { printf '    %s\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

need() { # need <command> <why and how to get it>
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed: $2"
}

pid_alive() { # pid_alive <name>
  local f="$PID_DIR/$1.pid"
  [[ -f "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() { # wait_for_port <name> <port> <seconds>
  local deadline=$((SECONDS + $3))
  until port_open "$2"; do
    pid_alive "$1" || die "$1 exited during start-up; see $LOG_DIR/$1.log"
    ((SECONDS < deadline)) || die "$1 did not open port $2 within $3 s; see $LOG_DIR/$1.log"
    sleep 0.5
  done
}

start_daemon() { # start_daemon <name> <command...>: detached, in its own process group, logging to a file
  local name="$1"; shift
  setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! > "$PID_DIR/$name.pid"
}

start_supervised() { # start_supervised <name> <command...>: start_daemon, started again when it crashes
  local name="$1"; shift
  start_daemon "$name" "$REPO_ROOT/deploy/local/supervise.sh" "$name" "$@"
}

stop_daemon() { # stop_daemon <name> [seconds]: SIGTERM the group, then SIGKILL after a grace period
  local name="$1" grace="${2:-20}" pid
  pid_alive "$name" || { rm -f "$PID_DIR/$name.pid"; return 0; }
  pid="$(cat "$PID_DIR/$name.pid")"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.3; done
  if kill -0 "$pid" 2>/dev/null; then
    info "$name did not stop within ${grace}s, killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_DIR/$name.pid" "$PID_DIR/$name.restarts"
}

restarts_note() { # restarts_note <name>: what the supervisor did, if it had to start the process again
  local f="$PID_DIR/$1.restarts" n code at what
  [[ -s "$f" ]] || return 0
  read -r n code at what <"$f"
  case "$what" in
    restarting) printf ', crashed (exit %s at %s), restarting: %s restart(s)' "$code" "$at" "$n" ;;
    stopped) printf ', exit %s at %s: configuration, not restarted' "$code" "$at" ;;
    *) printf ', restarted %s time(s), last exit %s at %s UTC' "$n" "$code" "$at" ;;
  esac
}

status_line() { # status_line <name> <port>
  local note
  note="$(restarts_note "$1")"
  if pid_alive "$1" && port_open "$2"; then
    printf '  %-18s up    (pid %s, port %s%s)\n' "$1" "$(cat "$PID_DIR/$1.pid")" "$2" "$note"
  elif pid_alive "$1"; then
    printf '  %-18s start (pid %s, port %s not open yet%s)\n' "$1" "$(cat "$PID_DIR/$1.pid")" "$2" "$note"
  else
    printf '  %-18s down%s\n' "$1" "${note:+ (${note#, })}"
  fi
}
