import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayPopulationRegistry } from './gateway-population.registry';
import { RegistryUnavailableError } from '../../application/ports/population-registry.port';

/** A CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl for this run. */
function makeCertificates() {
  const dir = mkdtempSync(join(tmpdir(), 'registry-tls-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=test-ca',
  );
  for (const [name, extra] of [
    ['server', 'subjectAltName=IP:127.0.0.1'],
    ['client', 'extendedKeyUsage=clientAuth'],
  ]) {
    ssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${name}`,
    );
    writeFileSync(join(dir, `${name}.ext`), `${extra}\n`);
    ssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    );
  }
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return {
    ca: read('ca.crt'),
    serverCert: read('server.crt'),
    serverKey: read('server.key'),
    clientCert: read('client.crt'),
    clientKey: read('client.key'),
  };
}

const citizen = {
  maCongDan: 'P000000001',
  soDinhDanh: '012203004567',
  soCmnd: '045123456',
  hoVaTen: 'Lò Văn Páo',
  ngaySinh: '02/01/2003',
  gioiTinh: 'Nam',
  noiThuongTru: 'Bình Lư, Tam Đường, Lai Châu',
};

describe('the population registry gateway adapter (HTTPS with mutual TLS, on loopback)', () => {
  const certs = makeCertificates();
  let server: Server;
  let baseUrl: string;
  let behaviour: 'ok' | 'slow' | 'fail-twice' | 'down' = 'ok';
  let calls = 0;

  beforeAll(async () => {
    server = createServer(
      { key: certs.serverKey, cert: certs.serverCert, ca: certs.ca, requestCert: true, rejectUnauthorized: true },
      (req, res) => {
        calls++;
        if (behaviour === 'slow') return void setTimeout(() => res.end('{}'), 500);
        if (behaviour === 'down' || (behaviour === 'fail-twice' && calls <= 2)) return void res.writeHead(503).end();
        if (req.url === '/api/citizens/012203004567' || req.url === '/api/citizens/045123456') {
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(citizen));
        }
        res.writeHead(404).end();
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    behaviour = 'ok';
    calls = 0;
  });

  const registry = (over: Partial<ConstructorParameters<typeof GatewayPopulationRegistry>[0]> = {}) =>
    new GatewayPopulationRegistry({
      baseUrl,
      timeoutMs: 200,
      retries: 2,
      backoffMs: 10,
      tls: { cert: certs.clientCert, key: certs.clientKey, ca: certs.ca },
      breaker: { errorThresholdPercentage: 50, resetTimeoutMs: 60_000, volumeThreshold: 3 },
      ...over,
    });

  it("finds a citizen by CCCD or old CMND, mapped from the gateway's fields", async () => {
    const r = registry();
    expect(await r.findByIdNumber('012203004567')).toEqual({
      personId: 'P000000001',
      idNumber: '012203004567',
      oldIdNumber: '045123456',
      fullName: 'Lò Văn Páo',
      dateOfBirth: '2003-01-02',
      gender: 'male',
      address: 'Bình Lư, Tam Đường, Lai Châu',
    });
    expect((await r.findManyByIdNumber(['045123456', '012999999999'])).size).toBe(1);
    expect(await r.findByIdNumber('012999999999')).toBeNull();
    r.close();
  });

  it('is refused by the gateway without the client certificate', async () => {
    const r = registry({ tls: { cert: '', key: '', ca: certs.ca }, retries: 0 });
    await expect(r.findByIdNumber('012203004567')).rejects.toBeInstanceOf(RegistryUnavailableError);
    r.close();
  });

  it('retries a 503 with backoff and succeeds', async () => {
    behaviour = 'fail-twice';
    const r = registry();
    expect(await r.findByIdNumber('012203004567')).toMatchObject({ personId: 'P000000001' });
    expect(calls).toBe(3);
    r.close();
  });

  it('gives up after its timeout and retries, as "unavailable", never as "not found"', async () => {
    behaviour = 'slow';
    const r = registry({ retries: 1 });
    await expect(r.findByIdNumber('012203004567')).rejects.toBeInstanceOf(RegistryUnavailableError);
    expect(calls).toBe(2);
    r.close();
  });

  it('opens the circuit after repeated failures and then answers at once without calling', async () => {
    behaviour = 'down';
    const r = registry({ retries: 0 });
    for (let i = 0; i < 4; i++)
      await expect(r.findByIdNumber('012203004567')).rejects.toBeInstanceOf(RegistryUnavailableError);
    expect(r.circuitOpen).toBe(true);
    const before = calls;
    await expect(r.findByIdNumber('012203004567')).rejects.toThrow('circuit open');
    expect(calls).toBe(before);
    r.close();
  });
});
