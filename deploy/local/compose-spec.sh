#!/usr/bin/env bash
# The Compose Specification's own loader and validator (compose-go, the library `docker compose`
# loads files with), built with `go install` into the platform's cache. No Docker engine is needed:
# the compose checks of `npm test` load docker-compose.yml with deploy/docker/replicas.yml through it
# (schema, merge tags such as !reset/!override, consistency) and hold the result to what replicas need.
# Usage: compose-spec.sh install|path
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COMPOSE_GO_VERSION=v2.16.2
COMPOSE_SPEC_BIN="$VAX_CACHE_DIR/compose-spec-$COMPOSE_GO_VERSION/bin/cmd"

install() {
  [[ -x "$COMPOSE_SPEC_BIN" ]] && return 0
  need go "Go 1.22 or newer builds the compose-spec validator from the Go module proxy (Debian: apt-get install golang)"
  step "Building the compose-spec validator $COMPOSE_GO_VERSION with go install (under a minute, once)"
  GOBIN="$(dirname "$COMPOSE_SPEC_BIN")" GOFLAGS=-mod=mod go install \
    "github.com/compose-spec/compose-go/v2/cmd@$COMPOSE_GO_VERSION" 2>&1 | sed 's/^/    /' >&2
  [[ -x "$COMPOSE_SPEC_BIN" ]] || die "go install did not produce $COMPOSE_SPEC_BIN"
}

case "${1:-}" in
  install) install ;;
  path) install; echo "$COMPOSE_SPEC_BIN" ;;
  *) die "usage: $0 install|path" ;;
esac
