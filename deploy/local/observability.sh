#!/usr/bin/env bash
# The observability backends as local processes (ADR 15): Zipkin (traces, UI /zipkin) from its
# executable jar on Maven Central, VictoriaMetrics single-node (metrics, UI /vmui) scraping every
# process, and vmalert evaluating deploy/observability/alerts. VictoriaMetrics, vmalert and promtool
# are built with `go install` into the platform's cache (measured cold on 2 cores: VictoriaMetrics
# ~3 min, vmalert ~1.5 min more, promtool ~4 min; the Zipkin jar, 130 MB, ~35 s).
# Usage: observability.sh install|up|down|status|promtool|path <binary>
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ZIPKIN_VERSION=3.5.1
VM_VERSION=v1.151.0   # later ones need a newer Go than Debian's
PROMTOOL_VERSION=v0.316.0
ZIPKIN_JAR="$VAX_CACHE_DIR/zipkin-$ZIPKIN_VERSION/zipkin-server-exec.jar"
VM_DIR="$VAX_CACHE_DIR/victoria-metrics-$VM_VERSION/bin"
PROMTOOL_BIN="$VAX_CACHE_DIR/promtool-$PROMTOOL_VERSION/bin/promtool"
ZIPKIN_PORT="${ZIPKIN_PORT:-9411}"
VM_PORT="${VM_PORT:-8428}"
VMALERT_PORT="${VMALERT_PORT:-8880}"
CONFIG_DIR="$REPO_ROOT/deploy/observability"

go_install() { # go_install <bin dir> <package@version> <what, how long>
  need go "Go 1.22 or newer builds $1 from the Go module proxy (Debian: apt-get install golang)"
  step "Building $3 with go install"
  GOBIN="$1" GOFLAGS=-mod=mod go install "$2" 2>&1 \
    | awk '/downloading/ { n++; if (n % 25 == 1) print "    downloading modules (" n ")..."; next } { print "    " $0 }' >&2
}

install_zipkin() {
  [[ -s "$ZIPKIN_JAR" ]] && return 0
  need mvn "Maven fetches the Zipkin server from Maven Central (Debian: apt-get install maven)"
  step "Fetching the Zipkin server $ZIPKIN_VERSION (130 MB, once)"
  local repo="$VAX_CACHE_DIR/zipkin-$ZIPKIN_VERSION/m2"
  mvn -B -q -ntp dependency:get -Dmaven.repo.local="$repo" -Dtransitive=false \
    -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" >&2
  mv "$repo/io/zipkin/zipkin-server/$ZIPKIN_VERSION/zipkin-server-$ZIPKIN_VERSION-exec.jar" "$ZIPKIN_JAR"
  rm -rf "$repo"
}

install() {
  install_zipkin
  [[ -x "$VM_DIR/victoria-metrics" ]] || go_install "$VM_DIR" \
    "github.com/VictoriaMetrics/VictoriaMetrics/app/victoria-metrics@$VM_VERSION" "VictoriaMetrics $VM_VERSION (~3 min, once)"
  [[ -x "$VM_DIR/vmalert" ]] || go_install "$VM_DIR" \
    "github.com/VictoriaMetrics/VictoriaMetrics/app/vmalert@$VM_VERSION" "vmalert $VM_VERSION (~1.5 min, once)"
}

install_promtool() {
  [[ -x "$PROMTOOL_BIN" ]] || go_install "$(dirname "$PROMTOOL_BIN")" \
    "github.com/prometheus/prometheus/cmd/promtool@$PROMTOOL_VERSION" "promtool $PROMTOOL_VERSION (~4 min, once)"
}

up() {
  install
  mkdir -p "$VAX_RUN_DIR/victoria-metrics"
  if ! pid_alive zipkin; then
    need java "Java 17 runs the Zipkin server"
    step "Starting Zipkin on http://127.0.0.1:$ZIPKIN_PORT/zipkin/ (in-memory storage)"
    start_daemon zipkin env STORAGE_TYPE=mem QUERY_PORT="$ZIPKIN_PORT" java -Xmx512m -jar "$ZIPKIN_JAR"
  fi
  if ! pid_alive victoria-metrics; then
    step "Starting VictoriaMetrics on http://127.0.0.1:$VM_PORT/vmui/ (scraping every process)"
    start_daemon victoria-metrics "$VM_DIR/victoria-metrics" -httpListenAddr="127.0.0.1:$VM_PORT" \
      -storageDataPath="$VAX_RUN_DIR/victoria-metrics" -retentionPeriod=14d \
      -promscrape.config="$CONFIG_DIR/scrape.yml" -promscrape.config.strictParse=true
  fi
  if ! pid_alive vmalert; then
    step "Starting vmalert on http://127.0.0.1:$VMALERT_PORT (rules: deploy/observability/alerts)"
    start_daemon vmalert "$VM_DIR/vmalert" -httpListenAddr="127.0.0.1:$VMALERT_PORT" \
      -rule="$CONFIG_DIR/alerts/*.rules.yml" -datasource.url="http://127.0.0.1:$VM_PORT" \
      -remoteWrite.url="http://127.0.0.1:$VM_PORT" -remoteRead.url="http://127.0.0.1:$VM_PORT" \
      -notifier.blackhole -evaluationInterval=15s
  fi
  wait_for_port victoria-metrics "$VM_PORT" 30
  wait_for_port vmalert "$VMALERT_PORT" 30
  wait_for_port zipkin "$ZIPKIN_PORT" 90
}

down() {
  stop_daemon vmalert 10
  stop_daemon victoria-metrics 20
  stop_daemon zipkin 20
}

case "${1:-}" in
  install) install ;;
  up) up ;;
  down) down ;;
  status)
    status_line zipkin "$ZIPKIN_PORT"
    status_line victoria-metrics "$VM_PORT"
    status_line vmalert "$VMALERT_PORT"
    ;;
  promtool) install_promtool; echo "$PROMTOOL_BIN" ;;
  path) # path zipkin|victoria-metrics|vmalert: what a test starts on ports of its own
    install
    case "${2:-}" in
      zipkin) echo "$ZIPKIN_JAR" ;;
      victoria-metrics | vmalert) echo "$VM_DIR/$2" ;;
      *) die "usage: $0 path zipkin|victoria-metrics|vmalert" ;;
    esac
    ;;
  *) die "usage: $0 install|up|down|status|promtool|path" ;;
esac
