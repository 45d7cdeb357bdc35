#!/usr/bin/env bash
# The Temporal dev server (temporal CLI built with `go install`). Usage: temporal.sh install|up|down|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TEMPORAL_BIN="$VAX_CACHE_DIR/temporal-$TEMPORAL_CLI_VERSION/bin/temporal"

install() {
  [[ -x "$TEMPORAL_BIN" ]] && return 0
  need go "Go 1.22 or newer builds the temporal CLI from the Go module proxy (Debian: apt-get install golang)"
  step "Building the temporal CLI $TEMPORAL_CLI_VERSION with go install (a few minutes on 2 cores, once)"
  GOBIN="$(dirname "$TEMPORAL_BIN")" GOFLAGS=-mod=mod \
    go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" 2>&1 \
    | awk '/downloading/ { n++; if (n % 25 == 1) print "    downloading modules (" n ")..."; next } { print "    " $0 }' >&2
  [[ -x "$TEMPORAL_BIN" ]] || die "go install did not produce $TEMPORAL_BIN"
}

up() {
  install
  if pid_alive temporal; then info "temporal already running"; return 0; fi
  port_open "$TEMPORAL_PORT" && die "port $TEMPORAL_PORT is taken by another process; set TEMPORAL_PORT"
  mkdir -p "$VAX_RUN_DIR/temporal"
  step "Starting the Temporal dev server on 127.0.0.1:$TEMPORAL_PORT (web UI http://127.0.0.1:$TEMPORAL_UI_PORT)"
  local ui=(--ui-port "$TEMPORAL_UI_PORT")
  [[ "${TEMPORAL_HEADLESS:-false}" == true ]] && ui=(--headless)
  start_daemon temporal "$TEMPORAL_BIN" server start-dev \
    --ip 127.0.0.1 --port "$TEMPORAL_PORT" "${ui[@]}" \
    --db-filename "$VAX_RUN_DIR/temporal/temporal.db" --log-format json --log-level warn
  wait_for_port temporal "$TEMPORAL_PORT" 60
}

case "${1:-}" in
  install) install ;;
  up) up ;;
  down) stop_daemon temporal 20 ;;
  status) status_line temporal "$TEMPORAL_PORT" ;;
  path) install; echo "$TEMPORAL_BIN" ;;
  *) die "usage: $0 install|up|down|status|path" ;;
esac
