#!/usr/bin/env bash
# Kafka (KRaft, single node) from Maven Central jars. Usage: kafka.sh install|up|down|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_LIBS="$VAX_CACHE_DIR/kafka-$KAFKA_VERSION/libs"
KAFKA_DATA="$VAX_RUN_DIR/kafka/data"
KAFKA_CONF="$VAX_RUN_DIR/kafka/server.properties"

install() {
  need java "Java 17 or newer runs the Kafka broker (Debian: apt-get install openjdk-17-jre-headless)"
  need mvn "Maven resolves the broker's jars from Maven Central (Debian: apt-get install maven)"
  if [[ -f "$KAFKA_LIBS/.complete" ]]; then return 0; fi
  step "Installing Kafka $KAFKA_VERSION from Maven Central into $KAFKA_LIBS"
  rm -rf "$KAFKA_LIBS" && mkdir -p "$KAFKA_LIBS"
  mvn -B -ntp -f "$REPO_ROOT/deploy/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS" \
    | grep -E 'Copying|BUILD|ERROR' | sed -E 's/^\[INFO\] /    /' | awk 'NR % 10 == 1 || /BUILD|ERROR/' >&2
  [[ -f "$KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar" ]] || die "Maven did not deliver kafka_2.13-$KAFKA_VERSION.jar"
  touch "$KAFKA_LIBS/.complete"
}

configure() {
  mkdir -p "$KAFKA_DATA"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" -e "s|@DATA_DIR@|$KAFKA_DATA|g" \
    "$REPO_ROOT/deploy/kafka/server.properties.template" > "$KAFKA_CONF"
  if [[ ! -f "$KAFKA_DATA/meta.properties" ]]; then
    step "Formatting Kafka's KRaft storage in $KAFKA_DATA"
    local cluster_id
    cluster_id="$(java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    java -cp "$KAFKA_LIBS/*" -Dlog4j.configuration="file:$REPO_ROOT/deploy/kafka/log4j.properties" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONF" >"$LOG_DIR/kafka-format.log" 2>&1 \
      || die "formatting Kafka storage failed; see $LOG_DIR/kafka-format.log"
  fi
}

up() {
  install
  if pid_alive kafka; then
    info "kafka already running"
    node "$REPO_ROOT/deploy/local/create-topics.js" "127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process; set KAFKA_PORT"
  configure
  step "Starting Kafka on 127.0.0.1:$KAFKA_PORT"
  start_daemon kafka java -Xms256m -Xmx768m -XX:+UseG1GC \
    -Dlog4j.configuration="file:$REPO_ROOT/deploy/kafka/log4j.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONF"
  wait_for_port kafka "$KAFKA_PORT" 90
  node "$REPO_ROOT/deploy/local/create-topics.js" "127.0.0.1:$KAFKA_PORT"
}

case "${1:-}" in
  install) install ;;
  up) up ;;
  down) stop_daemon kafka 30 ;;
  status) status_line kafka "$KAFKA_PORT" ;;
  *) die "usage: $0 install|up|down|status" ;;
esac
