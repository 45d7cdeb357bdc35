/**
 * Certificates signed and encoded per second, and verifications per second, side by side in one
 * run with raw node crypto ES256 on the same bytes (the limit) and PathCheck's DCC SDK (a peer).
 * No database: signing is CPU work. Target: signing at least 0.8 of raw.
 *   node dist/bench/certificate-signing.bench.js     (BENCH_SECONDS=5)
 */
import { sign, verify } from 'node:crypto';
import { createRequire } from 'node:module';
import { CertificateSigner } from '../services/certification/src/application/certificate-signer';
import { DISEASE_COVID19 } from '../services/certification/src/domain/certification-reference';
import type { CertificateContent } from '../services/certification/src/domain/dcc/certificate-content';
import { cwtClaimsOf, dccPayloadOf } from '../services/certification/src/domain/dcc/dcc-payload';
import { cborEncoder, fromJson } from '../services/certification/src/hcert/cbor';
import { sigStructure } from '../services/certification/src/hcert/cose-sign1';
import { verifyHcert } from '../services/certification/src/hcert/hcert.verifier';
import { trustedSignerOf } from '../services/certification/src/hcert/trusted-signer';
import { generateDevelopmentChain } from '../services/certification/src/keys/development-keys';
import { signingKeysOf } from '../services/certification/src/keys/signing-keys';
import { loadCertificationReference } from '../services/certification/src/reference/certification-reference.loader';
import { fmt, machine, runBenchmark } from './bench-support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
type Sdk = {
  addCachedCerts(c: Record<string, string>): void;
  makeCWT(payload: object, months: number, issuer: string): Promise<unknown>;
  signAndPack(cwt: unknown, certPem: string, keyPem: string): Promise<string>;
  unpackAndVerify(hc1: string): Promise<{ status: string }>;
};

type Op = () => unknown | Promise<unknown>;
const SLICE_MS = 100;

/**
 * Operations per second of each op, measured in interleaved slices of SLICE_MS (round-robin until
 * each has run SECONDS): on a shared machine the load drifts over a run, and interleaving lets the
 * ops of one group (raw, ours, the SDK) meet the same drift, so their ratios hold.
 */
async function rates<K extends string>(ops: Record<K, Op>): Promise<Record<K, number>> {
  const names = Object.keys(ops) as K[];
  for (const name of names) for (let i = 0; i < 200; i++) await ops[name](); // warm-up: JIT, lazy key setup
  const count = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
  const spent = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
  while (names.some((n) => spent[n] < SECONDS * 1000)) {
    for (const name of names) {
      const op = ops[name];
      const started = performance.now();
      const deadline = started + SLICE_MS;
      let n = 0;
      while (performance.now() < deadline) {
        await op();
        n++;
      }
      count[name] += n;
      spent[name] += performance.now() - started;
    }
  }
  return Object.fromEntries(names.map((n) => [n, count[n] / (spent[n] / 1000)])) as Record<K, number>;
}

async function main(): Promise<void> {
  const reference = loadCertificationReference();
  const now = new Date();
  const keys = signingKeysOf(await generateDevelopmentChain(now), true, now);
  const signer = new CertificateSigner(keys, reference, 'LC');
  const content: CertificateContent = {
    type: 'v',
    status: 'fully-vaccinated',
    holder: { fullName: 'Nguyễn Thị Phương Thảo', dateOfBirth: '1988-04-12' },
    entry: {
      tg: DISEASE_COVID19,
      vp: '1119349007',
      mp: 'EU/1/20/1528',
      ma: 'ORG-100030215',
      dn: 2,
      sd: 2,
      dt: '2021-10-02',
      co: 'VN',
      is: reference.issuer.name,
    },
  };
  const sample = signer.sign(content, now);
  const payload = dccPayloadOf(content, sample.certificateId, reference);
  const claims = cwtClaimsOf(payload, now, reference);
  const cwtBytes = cborEncoder.encode(
    new Map<number, unknown>([
      [1, claims.iss],
      [6, claims.iat],
      [4, claims.exp],
      [-260, new Map([[1, fromJson(payload)]])],
    ]),
  );
  const tbs = sigStructure(keys.signer.protectedHeader, cwtBytes);
  const key = keys.signer.privateKey;
  const signature = sign('sha256', tbs, { key, dsaEncoding: 'ieee-p1363' });
  const trusted = trustedSignerOf(keys.dscDer);

  const nodeRequire = createRequire(__filename);
  nodeRequire('@peculiar/webcrypto'); // the SDK's `esm` loader cannot parse it; load it first (see the SDK spec)
  const sdk = nodeRequire('@pathcheck/dcc-sdk') as Sdk;
  sdk.addCachedCerts({ [keys.signer.kid.toString('base64')]: keys.dscDer.toString('base64') });
  const certPem = `-----BEGIN CERTIFICATE-----\n${keys.dscDer.toString('base64')}\n-----END CERTIFICATE-----`;
  const keyPem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  const sdkCwt = await sdk.makeCWT(payload, 12, 'VN');

  const at = new Date(now.getTime() + 1000);
  const results = {
    ...(await rates({
      rawSign: () => sign('sha256', tbs, { key, dsaEncoding: 'ieee-p1363' }),
      oursSign: () => signer.sign(content, now),
      sdkSign: () => sdk.signAndPack(sdkCwt, certPem, keyPem),
    })),
    ...(await rates({
      rawVerify: () => verify('sha256', tbs, { key: trusted.publicKey, dsaEncoding: 'ieee-p1363' }, signature),
      oursVerify: () => verifyHcert(sample.hc1, { at, trustList: [trusted], isRevoked: () => false }),
      sdkVerify: () => sdk.unpackAndVerify(sample.hc1),
    })),
  };
  console.log(
    `# Certificate signing and verification — ${machine()}; one thread, ${SECONDS} s per cell in ${SLICE_MS} ms slices`,
  );
  console.log(`QR text: ${sample.hc1.length} characters\n`);
  console.log('| path | per second | ratio to raw |\n|---|---:|---:|');
  const row = (name: string, value: number, raw: number) =>
    console.log(`| ${name} | ${fmt(value)} | ${fmt(value / raw, 2)} |`);
  row('raw node crypto ES256 sign of the same Sig_structure bytes (the limit)', results.rawSign, results.rawSign);
  row('ours: UVCI, payload, CWT, CBOR, COSE ES256, zlib, Base45, revocation hashes', results.oursSign, results.rawSign);
  row('@pathcheck/dcc-sdk signAndPack (same key, same payload)', results.sdkSign, results.rawSign);
  row('raw node crypto ES256 verify of the same bytes (the limit)', results.rawVerify, results.rawVerify);
  row('ours: every check (prefix … schema, revocation lookup stubbed)', results.oursVerify, results.rawVerify);
  row('@pathcheck/dcc-sdk unpackAndVerify', results.sdkVerify, results.rawVerify);
  const ratio = results.oursSign / results.rawSign;
  console.log(`\nsigning target ≥ 0.8 of raw: ${ratio >= 0.8 ? 'met' : 'NOT met'} (${fmt(ratio, 2)})`);
}

runBenchmark(main);
