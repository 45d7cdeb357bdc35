#!/usr/bin/env bash
# The platform's own processes, each started from the compiled build (dist/) with its settings.
# Usage: services.sh up|down|status [--replicas N] [service...]   (needs infra.sh up and npm run build first)
# --replicas N (N ≥ 2) runs each process N times, replica k on its port + 100·k (identity: 3101,
# 3201, ...), each supervised on its own. An HTTP service keeps its one address (identity: 3001)
# through balancer.js, a round robin over its ready replicas. Consumers of one service share one
# Kafka consumer group, so its partitions are divided among them; Temporal workers poll one task
# queue; publishers and projections run in one replica at a time (an advisory lock, ADR 13).
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

# Replicas of the last `up`, so that `down` and `status` find them all.
REPLICAS_FILE="$VAX_RUN_DIR/replicas"
REPLICAS="$(cat "$REPLICAS_FILE" 2>/dev/null || echo 1)"
replica_port() { echo $((PORT[$1] + 100 * $2)); } # replica_port <service> <k>
is_worker() { [[ "$1" == *-worker ]]; } # health only: nobody calls it, so no balancer in front

env_for() { # the settings of one service, as NAME=value words: env_for <service> [port]
  local s="$1"
  echo "PORT=${2:-${PORT[$s]}} LOG_LEVEL=${LOG_LEVEL:-info} DIAGNOSTICS_ENABLED=${DIAGNOSTICS_ENABLED:-true}"
  echo "ACTOR_TOKEN_TRUSTED_KEYS_FILE=$KEYS_DIR/trusted-keys.json"
  [[ "$s" == portal || "$s" == complaints-worker ]] && echo "ACTOR_TOKEN_PRIVATE_KEY_FILE=$KEYS_DIR/$s.private-key.json"
  [[ "$s" == portal || "$s" == complaints ]] && echo "CODE_HASH_SECRET=$(code_secret "$s")"
  echo "DATABASE_URL=$(pg_url "${DATABASE[$s]:-$s}")"
  if [[ "$s" == portal ]]; then
    echo "IDENTITY_URL=http://127.0.0.1:${PORT[identity]} INJECTIONS_URL=http://127.0.0.1:${PORT[injections]}"
    echo "COMPLAINTS_URL=http://127.0.0.1:${PORT[complaints]} CERTIFICATION_URL=http://127.0.0.1:${PORT[certification]}"
    echo "CAMPAIGN_URL=http://127.0.0.1:${PORT[campaign]}"
    # Development: demo accounts (passwords in the README) and sign-in codes kept in the portal's outbox page.
    echo "ACCOUNTS_SEED_FILE=$REPO_ROOT/dist/services/portal/src/reference/demo-accounts.json NOTIFICATIONS=development"
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
  # Spans to the local Zipkin when the observability stack runs (deploy/local/observability.sh, ADR 15).
  echo "TRACING_ENABLED=${VAX_OBSERVABILITY:-false}"
  echo "OTEL_SERVICE_NAME=$s"
  return 0
}

start_one() { # start_one <service> [<replica k>]: one supervised process (replica k on its own port)
  local s="$1" k="${2:-}" entry="${ENTRY[$1]:-services/$1/src/main.js}"
  local name="$s${k:+.$k}" port="${PORT[$1]}"
  [[ -n "$k" ]] && port="$(replica_port "$s" "$k")"
  [[ -f "$REPO_ROOT/dist/$entry" ]] || die "dist/$entry is missing: run 'npm run build' first"
  if pid_alive "$name"; then info "$name already running"; return 0; fi
  # Supervised: a crash (an unhandled error, the OOM killer) is followed by a restart with backoff.
  # shellcheck disable=SC2046
  start_supervised "$name" env $(env_for "$s" "$port" | tr '\n' ' ') node --enable-source-maps \
    --require "$REPO_ROOT/dist/libs/platform/src/tracing/tracing.register.js" "$REPO_ROOT/dist/$entry"
}

start_balancer() { # start_balancer <service>: its one address, in front of its replicas
  local s="$1" ports=() k
  for ((k = 1; k <= REPLICAS; k++)); do ports+=("$(replica_port "$s" "$k")"); done
  if pid_alive "$s"; then info "$s's balancer already running"; return 0; fi
  start_supervised "$s" node "$REPO_ROOT/deploy/local/balancer.js" "${PORT[$s]}" "${ports[@]}"
}

wait_ready() { # wait_ready <name> <port> [seconds]: until /health/ready answers 200
  local s="$1" port="$2" deadline=$((SECONDS + ${3:-90}))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    pid_alive "$s" || die "$s exited during start-up$(restarts_note "$s"); see $LOG_DIR/$s.log"
    ((SECONDS < deadline)) || die "$s is not ready after ${3:-90}s$(restarts_note "$s"); see $LOG_DIR/$s.log and http://127.0.0.1:$port/health/ready"
    sleep 0.5
  done
}

replica_names() { # the supervised names of a service: itself, or its replicas and its balancer
  local s="$1" k
  if ((REPLICAS == 1)); then echo "$s"; return; fi
  is_worker "$s" || echo "$s"
  for ((k = 1; k <= REPLICAS; k++)); do echo "$s.$k"; done
}

cmd="${1:-}"; shift || true
if [[ "${1:-}" == --replicas ]]; then
  [[ "${2:-}" =~ ^[1-9][0-9]?$ ]] || die "--replicas takes a number from 1 to 99"
  [[ "$cmd" == up ]] || die "--replicas goes with up (down and status find the replicas running)"
  if (pid_alive "${ALL[0]}" || pid_alive "${ALL[0]}.1") && ((REPLICAS != $2)); then
    die "the services run as $REPLICAS replica(s): 'services.sh down' first"
  fi
  REPLICAS="$2"; shift 2
fi
selected=("${@:-${ALL[@]}}")
[[ $# -eq 0 ]] && selected=("${ALL[@]}")
case "$cmd" in
  up)
    step "Starting services: ${selected[*]} ($REPLICAS replica(s) each)"
    ensure_keys
    echo "$REPLICAS" > "$REPLICAS_FILE"
    if ((REPLICAS == 1)); then
      for s in "${selected[@]}"; do start_one "$s"; done
      for s in "${selected[@]}"; do wait_ready "$s" "${PORT[$s]}" 120; info "$s ready on http://127.0.0.1:${PORT[$s]}"; done
    else
      # The first replicas alone first: they run the migrations and make the development keys once.
      for ((k = 1; k <= REPLICAS; k++)); do
        for s in "${selected[@]}"; do start_one "$s" "$k"; done
        for s in "${selected[@]}"; do wait_ready "$s.$k" "$(replica_port "$s" "$k")" 120; done
      done
      for s in "${selected[@]}"; do
        if is_worker "$s"; then info "$s: $REPLICAS replicas ready (ports $(replica_port "$s" 1)...)"; continue; fi
        start_balancer "$s"
        wait_ready "$s" "${PORT[$s]}" 30
        info "$s ready on http://127.0.0.1:${PORT[$s]} ($REPLICAS replicas, ports $(replica_port "$s" 1)...)"
      done
    fi
    ;;
  down)
    for s in "${selected[@]}"; do
      for name in $(replica_names "$s"); do stop_daemon "$name" 20; done
    done
    if [[ $# -eq 0 ]]; then rm -f "$REPLICAS_FILE"; fi
    ;;
  status)
    echo "services:"
    for s in "${selected[@]}"; do
      if ((REPLICAS == 1)); then status_line "$s" "${PORT[$s]}"; continue; fi
      is_worker "$s" || status_line "$s" "${PORT[$s]}" | sed 's/)$/, balancer)/'
      for ((k = 1; k <= REPLICAS; k++)); do status_line "$s.$k" "$(replica_port "$s" "$k")"; done
    done
    ;;
  env) env_for "${selected[0]}" | tr ' ' '\n' ;;
  *) die "usage: $0 up|down|status|env [--replicas N] [service...]" ;;
esac
