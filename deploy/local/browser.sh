#!/usr/bin/env bash
# The browser the portal's end-to-end tests drive: Debian's chromium (playwright-core brings no browser).
# Usage: browser.sh install|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
case "${1:-}" in
  install)
    if [[ -x "$CHROMIUM" ]]; then info "chromium present: $("$CHROMIUM" --version 2>/dev/null)"; exit 0; fi
    step "Installing Debian's chromium for the portal's browser tests"
    command -v apt-get >/dev/null || die "chromium is missing and apt-get is not available: install Chromium and set CHROMIUM_PATH"
    SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
    $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2 \
      || die "could not install chromium with apt-get"
    info "chromium installed: $("$CHROMIUM" --version 2>/dev/null)"
    ;;
  status) [[ -x "$CHROMIUM" ]] && echo "chromium: $("$CHROMIUM" --version 2>/dev/null)" || echo "chromium: missing" ;;
  *) die "usage: $0 install|status" ;;
esac
