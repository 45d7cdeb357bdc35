#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: `npm test`.
#   1. build (end-to-end tests run the compiled services as processes)
#   2. unit, static checks and integration tests (jest global setup finds or starts real
#      PostgreSQL, Kafka and Temporal: environment, then testcontainers, then deploy/local)
#   3. end-to-end tests, alone, since they stop and start the broker
#   4. the fault soak's short profile: the platform at two replicas while replicas are killed and
#      the broker, Temporal and PostgreSQL restart (after e2e, alone: it restarts the infrastructure)
#   5. API fuzzing (schemathesis) of every running service from its OpenAPI document
# Results: test-artifacts/jest-*.json; the last line printed is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-artifacts
rm -f test-artifacts/jest-*.json

infra_was_up=true
infra_status="$(deploy/local/infra.sh status)"
if [[ -z "${VAX_TEST_POSTGRES_URL:-}" && "$infra_status" =~ (down|start) ]]; then
  infra_was_up=false
fi

status=0
deploy/local/browser.sh install || status=1 # the portal's browser tests drive Debian's chromium
deploy/local/schemathesis.sh install || status=1 # the fuzz tier: schemathesis from PyPI, in a venv
deploy/local/helm.sh install || status=1 # the chart checks: helm built with go install, once
deploy/local/compose-spec.sh install || status=1 # the compose checks: compose-go's validator, go install, once
# The alert rules' checks (promtool) and the observability e2e (Zipkin, VictoriaMetrics): built or
# fetched once into the platform's cache, ~9 min cold on 2 cores (ADR 15).
deploy/local/observability.sh install || status=1
deploy/local/observability.sh promtool >/dev/null || status=1
scripts/build.sh || status=1
if [[ $status -eq 0 ]]; then
  npx jest --selectProjects unit checks integration --maxWorkers=2 --ci \
    --json --outputFile=test-artifacts/jest-main.json || status=1
  npx jest --selectProjects e2e --runInBand --ci \
    --json --outputFile=test-artifacts/jest-e2e.json || status=1
  npx jest --selectProjects soak --runInBand --ci \
    --json --outputFile=test-artifacts/jest-soak.json || status=1
  npx jest --selectProjects fuzz --runInBand --ci \
    --json --outputFile=test-artifacts/jest-fuzz.json || status=1
fi

# What this run started, it stops (a developer's already-running stack is left alone).
if [[ "$infra_was_up" == false && "${VAX_KEEP_INFRA:-false}" != true ]]; then
  deploy/local/infra.sh down >/dev/null 2>&1 || true
fi
node scripts/test-summary.js || status=1
exit $status
