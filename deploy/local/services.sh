#!/usr/bin/env bash
# The platform's own processes, each started from the compiled build (dist/) with its settings.
# Usage: services.sh up|down|status [service...]   (needs infra.sh up and npm run build first)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ALL=(identity injections certification complaints complaints-worker campaign campaign-worker portal)
declare -A PORT=([portal]=3000 [identity]=3001 [injections]=3002 [complaints]=3003 [certification]=3004 [complaints-worker]=3005 [campaign]=3006 [campaign-worker]=3007)
declare -A ENTRY=([complaints-worker]=services/complaints/src/worker.main.js [campaign-worker]=services/campaign/src/worker.main.js)
declare -A DATABASE=([complaints-worker]=complaints [campaign-worker]=campaign)

# kafka (the distributed stack) or embedded (the single-machine default: the bus log in PostgreSQL).
VAX_TRANSPORT="${VAX_TRANSPORT:-kafka}"

# Actor tokens: the portal (and the complaints worker, for itself) sign with private keys only they
# read; every service trusts their public keys. Development keys, made once per install.
KEYS_DIR="$VAX_RUN_DIR/actor-token-keys"
ensure_keys() {
  [[ -s "$KEYS_DIR/trusted-keys.json" ]] && return 0
  [[ -f "$REPO_ROOT/dist/libs/platform/src/auth/actor-token-keys.cli.js" ]] || die "run 'npm run build' first"
  node "$REPO_ROOT/dist/libs/platform/src/auth/actor-token-keys.cli.js" "$KEYS_DIR" portal complaints-worker
}
# Keys the hashes of one-time codes at rest (portal and complaints each keep their own).
code_secret() {
  local file="$VAX_RUN_DIR/$1.code-hash-secret"
  [[ -s "$file" ]] || (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n=+/' > "$file")
  cat "$file"
}

pg_url() { echo "postgres://vax:vax-local-only@127.0.0.1:$POSTGRES_PORT/$1"; }

env_for() { # the settings of one service, as NAME=value words
  local s="$1"
  echo "PORT=${PORT[$s]} LOG_LEVEL=${LOG_LEVEL:-info} DIAGNOSTICS_ENABLED=${DIAGNOSTICS_ENABLED:-true}"
  echo "ACTOR_TOKEN_TRUSTED_KEYS_FILE=$KEYS_DIR/trusted-keys.json"
  [[ "$s" == portal || "$s" == complaints-worker ]] && echo "ACTOR_TOKEN_PRIVATE_KEY_FILE=$KEYS_DIR/$s.private-key.json"
  [[ "$s" == portal || "$s" == complaints ]] && echo "CODE_HASH_SECRET=$(code_secret "$s")"
  echo "DATABASE_URL=$(pg_url "${DATABASE[$s]:-$s}")"
  if [[ "$s" == portal ]]; then
    echo "IDENTITY_URL=http://127.0.0.1:${PORT[identity]} INJECTIONS_URL=http://127.0.0.1:${PORT[injections]}"
    echo "COMPLAINTS_URL=http://127.0.0.1:${PORT[complaints]} CERTIFICATION_URL=http://127.0.0.1:${PORT[certification]}"
    echo "CAMPAIGN_URL=http://127.0.0.1:${PORT[campaign]}"
    # Development: demo accounts (passwords in the README) and sign-in codes kept in the portal's outbox page.
    echo "ACCOUNTS_SEED_FILE=$REPO_ROOT/dist/services/portal/src/accounts/demo-accounts.json NOTIFICATIONS=development"
  elif [[ "$VAX_TRANSPORT" == embedded ]]; then
    echo "MESSAGE_TRANSPORT=embedded BUS_DATABASE_URL=$(pg_url bus)"
  else
    echo "MESSAGE_TRANSPORT=kafka KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT"
  fi
  # Development keys, generated on first start and kept with the rest of the local state.
  [[ "$s" == certification ]] && echo "CERTIFICATION_KEYS_DIR=$VAX_RUN_DIR/certification-keys"
  [[ "$s" == injections ]] && echo "ATTESTATION_DEV_KEY_FILE=$VAX_RUN_DIR/injections-attestation.dev-key.pem"
  [[ "$s" == campaign ]] && echo "ATTESTATION_DEV_KEY_FILE=$VAX_RUN_DIR/campaign-attestation.dev-key.pem"
  [[ "$s" == complaints* || "$s" == campaign* ]] && echo "TEMPORAL_ADDRESS=127.0.0.1:$TEMPORAL_PORT"
  [[ "$s" == complaints-worker ]] && echo "IDENTITY_URL=http://127.0.0.1:${PORT[identity]}"
  return 0
}

start_one() {
  local s="$1" entry="${ENTRY[$1]:-services/$1/src/main.js}"
  [[ -f "$REPO_ROOT/dist/$entry" ]] || die "dist/$entry is missing: run 'npm run build' first"
  if pid_alive "$s"; then info "$s already running"; return 0; fi
  # Supervised: a crash (an unhandled error, the OOM killer) is followed by a restart with backoff.
  # shellcheck disable=SC2046
  start_supervised "$s" env $(env_for "$s" | tr '\n' ' ') node --enable-source-maps "$REPO_ROOT/dist/$entry"
}

wait_ready() { # wait until /health/ready answers 200
  local s="$1" deadline=$((SECONDS + ${2:-90}))
  until curl -fs -o /dev/null "http://127.0.0.1:${PORT[$s]}/health/ready"; do
    pid_alive "$s" || die "$s exited during start-up$(restarts_note "$s"); see $LOG_DIR/$s.log"
    ((SECONDS < deadline)) || die "$s is not ready after ${2:-90}s$(restarts_note "$s"); see $LOG_DIR/$s.log and http://127.0.0.1:${PORT[$s]}/health/ready"
    sleep 0.5
  done
}

cmd="${1:-}"; shift || true
selected=("${@:-${ALL[@]}}")
[[ $# -eq 0 ]] && selected=("${ALL[@]}")
case "$cmd" in
  up)
    step "Starting services: ${selected[*]}"
    ensure_keys
    for s in "${selected[@]}"; do start_one "$s"; done
    for s in "${selected[@]}"; do wait_ready "$s" 120; info "$s ready on http://127.0.0.1:${PORT[$s]}"; done
    ;;
  down) for s in "${selected[@]}"; do stop_daemon "$s" 20; done ;;
  status)
    echo "services:"
    for s in "${selected[@]}"; do status_line "$s" "${PORT[$s]}"; done
    ;;
  env) env_for "${selected[0]}" | tr ' ' '\n' ;;
  *) die "usage: $0 up|down|status|env [service...]" ;;
esac
