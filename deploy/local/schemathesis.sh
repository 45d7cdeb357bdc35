#!/usr/bin/env bash
# Schemathesis (API fuzzing from the services' OpenAPI documents), from PyPI into a virtual
# environment under the platform's cache. The fuzz tier of `npm test` runs it.
# Usage: schemathesis.sh install|path
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCHEMATHESIS_VERSION=4.32.5
VENV="$VAX_CACHE_DIR/schemathesis-$SCHEMATHESIS_VERSION"
case "${1:-}" in
  install)
    if [[ -x "$VENV/bin/st" ]]; then info "schemathesis $SCHEMATHESIS_VERSION present"; exit 0; fi
    need python3 "Python 3.9 or later is needed for the API fuzz tier (apt-get install python3 python3-venv)"
    step "Installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $VENV"
    rm -rf "$VENV"
    # Left only when complete: an interrupted install is begun again, never half-used.
    { python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet --disable-pip-version-check \
        "schemathesis==$SCHEMATHESIS_VERSION" >&2; } || { rm -rf "$VENV"; die "could not install schemathesis (python3-venv, PyPI)"; }
    info "schemathesis installed: $("$VENV/bin/st" --version 2>/dev/null)"
    ;;
  path) echo "$VENV/bin/st" ;;
  *) die "usage: $0 install|path" ;;
esac
