#!/usr/bin/env node
// The one address of a service run as several replicas: a layer-4 round robin over the replicas
// that are ready, as a Kubernetes Service (kube-proxy) or HAProxy in TCP mode does it. Each replica's
// /health/ready is polled every second; a replica that is not ready, or refuses the connection,
// gets no new connections (as Kubernetes takes a pod out of its Service's endpoints). While none is
// ready, connections go to any replica that accepts them, so callers get the service's own 503.
// A connection stays with the replica it was given (HTTP keep-alive): a replica that dies closes
// its connections and the caller's next connection goes elsewhere.
// Usage: balancer.js <listen port> <replica port>...
'use strict';
const net = require('node:net');
const http = require('node:http');

const [listenPort, ...replicaPorts] = process.argv.slice(2).map(Number);
if (!listenPort || replicaPorts.length === 0) {
  process.stderr.write('usage: balancer.js <listen port> <replica port>...\n');
  process.exit(78);
}
const ready = new Map(replicaPorts.map((port) => [port, false]));
let turn = 0;

const log = (level, msg, extra = {}) =>
  process.stdout.write(
    `${JSON.stringify({ level, time: new Date().toISOString(), context: 'balancer', port: listenPort, msg, ...extra })}\n`,
  );

function probe(port) {
  const req = http.get({ host: '127.0.0.1', port, path: '/health/ready', timeout: 1500 }, (res) => {
    res.resume();
    mark(port, res.statusCode === 200);
  });
  req.on('timeout', () => req.destroy());
  req.on('error', () => mark(port, false));
}
function mark(port, isReady) {
  if (ready.get(port) !== isReady) log(isReady ? 'info' : 'warn', isReady ? 'replica ready' : 'replica not ready', { replica: port });
  ready.set(port, isReady);
}
setInterval(() => replicaPorts.forEach(probe), 1000).unref();
replicaPorts.forEach(probe);

/** The replicas to try for a new connection, in turn: the ready ones first, then the others. */
function candidates() {
  turn = (turn + 1) % replicaPorts.length;
  const rotated = [...replicaPorts.slice(turn), ...replicaPorts.slice(0, turn)];
  return [...rotated.filter((p) => ready.get(p)), ...rotated.filter((p) => !ready.get(p))];
}

function accept(client) {
  client.pause();
  client.on('error', () => undefined);
  const tryNext = (ports) => {
    if (ports.length === 0) return client.destroy();
    const upstream = net.connect(ports[0], '127.0.0.1');
    upstream.once('error', () => {
      mark(ports[0], false);
      tryNext(ports.slice(1));
    });
    upstream.once('connect', () => {
      upstream.removeAllListeners('error');
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  };
  tryNext(candidates());
}

const server = net.createServer(accept);
server.listen(listenPort, '127.0.0.1', () => log('info', 'listening', { replicas: replicaPorts }));
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
