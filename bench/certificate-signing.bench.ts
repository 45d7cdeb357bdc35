/**
 * Issuing a certificate against a stock reference encoder of the same payload, side by side in one
 * run; verification beside raw ES256 and PathCheck's SDK; then what a holder waits for besides:
 * the PDF and the QR image of one certificate. No database: this is CPU work. Target: issuing at
 * least 1.0 × the reference (a floor against regressions, not a race; docs/performance.md).
 *   npm run bench:certificates     (BENCH_SECONDS=5 per cell)
 */
import { type KeyObject, sign, verify } from 'node:crypto';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import * as base45 from 'base45';
import { Encoder, Tag } from 'cbor-x';
import { DccCertificateSigner } from '../services/certification/src/adapters/hcert/dcc-certificate-signer';
import { DISEASE_COVID19 } from '../services/certification/src/domain/certification-reference';
import type { CertificateContent } from '../services/certification/src/domain/dcc/certificate-content';
import { type CwtClaims, cwtClaimsOf, dccPayloadOf } from '../services/certification/src/domain/dcc/dcc-payload';
import { verifyHcert } from '../services/certification/src/adapters/hcert/hcert.verifier';
import { encodeHcert } from '../services/certification/src/adapters/hcert/hcert.encoder';
import { hcertQrPng } from '../services/certification/src/adapters/hcert/qr-code';
import { trustedSignerOf } from '../services/certification/src/adapters/hcert/trusted-signer';
import { generateDevelopmentChain } from '../services/certification/src/adapters/keys/development-keys';
import { signingKeysOf } from '../services/certification/src/adapters/keys/signing-keys';
import type { CertificateDocument } from '../services/certification/src/application/certificate-document';
import { renderCertificatePdf } from '../services/certification/src/adapters/pdf/certificate.pdf';
import { loadCertificationReference } from '../services/certification/src/reference/certification-reference.loader';
import { fmt, machine, runBenchmark } from './bench-support';
import { type Op, rates as ratesFor, SLICE_MS } from './interleaved-rates';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const rates = <K extends string>(ops: Record<K, Op>, seconds = SECONDS) => ratesFor(ops, seconds);
type Sdk = {
  addCachedCerts(c: Record<string, string>): void;
  unpackAndVerify(hc1: string): Promise<{ status: string }>;
};

/**
 * What anyone would write with the stock libraries on a ready payload: cbor-x (with the options its
 * README gives for plain CBOR maps, as HCERT needs), crypto.sign, zlib.deflateSync with its
 * defaults, the base45 package. No UVCI, payload building or revocation hashes: issuing does more.
 */
function referenceEncoder(protectedHeader: Buffer, key: KeyObject): (claims: CwtClaims) => string {
  const cbor = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false });
  return (claims) => {
    const cwt = cbor.encode(
      new Map<number, unknown>([
        [1, claims.iss],
        [6, claims.iat],
        [4, claims.exp],
        [-260, new Map([[1, claims.hcert]])],
      ]),
    );
    const tbs = cbor.encode(['Signature1', protectedHeader, Buffer.alloc(0), cwt]);
    const signature = sign('sha256', tbs, { key, dsaEncoding: 'ieee-p1363' });
    const cose = cbor.encode(new Tag([protectedHeader, new Map(), cwt, signature], 18));
    return 'HC1:' + base45.encode(deflateSync(cose));
  };
}

const CONTENT = (issuer: string): CertificateContent => ({
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
    is: issuer,
  },
});

async function main(): Promise<void> {
  const reference = loadCertificationReference();
  const now = new Date();
  const keys = signingKeysOf(await generateDevelopmentChain(now), true, now);
  const signer = new DccCertificateSigner(keys, reference, 'LC');
  const content = CONTENT(reference.issuer.name);
  const sample = signer.sign(content, now);
  const claims = cwtClaimsOf(dccPayloadOf(content, sample.certificateId, reference), now, reference);
  const key = keys.signer.privateKey;
  const stock = referenceEncoder(keys.signer.protectedHeader, key);
  const trusted = trustedSignerOf(keys.dscDer);
  const at = new Date(now.getTime() + 1000);
  for (const hc1 of [sample.hc1, stock(claims)]) {
    const check = verifyHcert(hc1, { at, trustList: [trusted] });
    if (!check.valid) throw new Error(`a bench encoder wrote a certificate that does not verify: ${check.reason}`);
  }
  const tbs = Buffer.from('x'.repeat(300));
  const signature = sign('sha256', tbs, { key, dsaEncoding: 'ieee-p1363' });

  const nodeRequire = createRequire(__filename);
  nodeRequire('@peculiar/webcrypto'); // the SDK's `esm` loader cannot parse it; load it first (see the SDK spec)
  const sdk = nodeRequire('@pathcheck/dcc-sdk') as Sdk;
  sdk.addCachedCerts({ [keys.signer.kid.toString('base64')]: keys.dscDer.toString('base64') });

  const issuing = await rates({
    issuing: () => signer.sign(content, now),
    encoding: () => encodeHcert(claims, keys.signer),
    reference: () => stock(claims),
    rawSign: () => sign('sha256', tbs, { key, dsaEncoding: 'ieee-p1363' }),
  });
  const verifying = await rates({
    ours: () => verifyHcert(sample.hc1, { at, trustList: [trusted], isRevoked: () => false }),
    rawVerify: () => verify('sha256', tbs, { key: trusted.publicKey, dsaEncoding: 'ieee-p1363' }, signature),
    sdk: () => sdk.unpackAndVerify(sample.hc1),
  });
  const document: CertificateDocument = {
    certificateId: sample.certificateId,
    content,
    doses: [1, 2].map((n) => ({
      doseNumber: n,
      vaccineCode: 'CZ',
      administeredOn: `2021-0${6 + n}-02`,
      voided: false,
      vaccineName: 'Comirnaty (Pfizer-BioNTech)',
    })),
    issuedAt: sample.issuedAt,
    expiresAt: sample.expiresAt,
    valueSetVersion: sample.valueSetVersion,
    hc1: sample.hc1,
    development: true,
  };
  const rendering = await rates(
    {
      pdfA4: () => renderCertificatePdf(document, 'A4'),
      qrPng: () => hcertQrPng(sample.hc1),
    },
    Math.max(2, SECONDS / 2),
  );

  console.log(
    `# Certificate issuing, verification and rendering — ${machine()}; one thread, ${SECONDS} s per cell in ${SLICE_MS} ms slices`,
  );
  console.log(`QR text: ${sample.hc1.length} characters (reference encoder: ${stock(claims).length})\n`);
  console.log('| path | per second | µs each | ratio |\n|---|---:|---:|---:|');
  const row = (name: string, value: number, base: number) =>
    console.log(`| ${name} | ${fmt(value)} | ${fmt(1e6 / value, 1)} | ${fmt(value / base, 2)} |`);
  row(
    'issuing: UVCI, payload, CWT, cbor-x, COSE ES256, zlib, base45, revocation hashes',
    issuing.issuing,
    issuing.reference,
  );
  row('of which encoding: the same claims → HC1 (cbor-x, COSE, zlib, base45)', issuing.encoding, issuing.reference);
  row(
    'stock reference encoder, same payload (cbor-x, crypto.sign, zlib.deflateSync, base45)',
    issuing.reference,
    issuing.reference,
  );
  row('raw node crypto ES256 sign of 300 bytes (context)', issuing.rawSign, issuing.reference);
  row('verifying: every check (prefix … schema, revocation lookup stubbed)', verifying.ours, verifying.rawVerify);
  row('raw node crypto ES256 verify of 300 bytes (context)', verifying.rawVerify, verifying.rawVerify);
  row('@pathcheck/dcc-sdk unpackAndVerify', verifying.sdk, verifying.rawVerify);
  row('PDF A4 (pdfkit, DejaVu Sans, QR inside)', rendering.pdfA4, issuing.issuing);
  row('QR PNG alone (qrcode, ECC Q, scale 4)', rendering.qrPng, issuing.issuing);
  const ratio = issuing.issuing / issuing.reference;
  console.log(`\nissuing target ≥ 1.0 × the stock reference: ${ratio >= 1 ? 'met' : 'NOT met'} (${fmt(ratio, 2)})`);
  console.log(
    `encoding the same claims: ${fmt(issuing.encoding / issuing.reference, 2)} × the reference (issuing adds the UVCI, the payload and the revocation hashes)`,
  );
  console.log(
    `per certificate: issuing ${fmt(1e6 / issuing.issuing, 1)} µs, PDF ${fmt(1e6 / rendering.pdfA4, 0)} µs, QR ${fmt(1e6 / rendering.qrPng, 0)} µs`,
  );
}

runBenchmark(main);
