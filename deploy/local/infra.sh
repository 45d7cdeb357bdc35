#!/usr/bin/env bash
# The infrastructure the platform needs, as local processes: PostgreSQL, Kafka, Temporal.
# Usage: infra.sh install|up|down|status   (idempotent: `up` twice leaves one of each)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here="$(dirname "${BASH_SOURCE[0]}")"

case "${1:-}" in
  install) "$here/kafka.sh" install; "$here/temporal.sh" install ;;
  up)
    # VAX_TRANSPORT=embedded (npm start's default) needs no broker.
    [[ "${VAX_TRANSPORT:-kafka}" == embedded ]] || "$here/kafka.sh" install
    "$here/temporal.sh" install
    "$here/postgres.sh" up
    [[ "${VAX_TRANSPORT:-kafka}" == embedded ]] || "$here/kafka.sh" up
    "$here/temporal.sh" up
    ;;
  down)
    "$here/temporal.sh" down
    "$here/kafka.sh" down
    "$here/postgres.sh" down
    ;;
  status)
    echo "infrastructure ($VAX_RUN_DIR):"
    "$here/postgres.sh" status
    "$here/kafka.sh" status
    "$here/temporal.sh" status
    ;;
  *) die "usage: $0 install|up|down|status" ;;
esac
