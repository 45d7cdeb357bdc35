#!/usr/bin/env bash
# The helm CLI, built with `go install` into the platform's cache (no binary download), for the chart
# in deploy/helm. The chart checks of `npm test` render and lint it. Usage: helm.sh install|path
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HELM_VERSION=v4.3.2
HELM_BIN="$VAX_CACHE_DIR/helm-$HELM_VERSION/bin/helm"

install() {
  [[ -x "$HELM_BIN" ]] && return 0
  need go "Go 1.22 or newer builds helm from the Go module proxy (Debian: apt-get install golang)"
  step "Building helm $HELM_VERSION with go install (about two minutes on 2 cores, once)"
  GOBIN="$(dirname "$HELM_BIN")" GOFLAGS=-mod=mod go install "helm.sh/helm/v4/cmd/helm@$HELM_VERSION" 2>&1 \
    | awk '/downloading/ { n++; if (n % 25 == 1) print "    downloading modules (" n ")..."; next } { print "    " $0 }' >&2
  [[ -x "$HELM_BIN" ]] || die "go install did not produce $HELM_BIN"
}

case "${1:-}" in
  install) install ;;
  path) install; echo "$HELM_BIN" ;;
  *) die "usage: $0 install|path" ;;
esac
