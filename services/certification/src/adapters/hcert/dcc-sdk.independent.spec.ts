import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { EVERY_DIACRITIC_NAME, reference, testSigner } from '../../application/certification.spec-fixtures';
import { DISEASE_COVID19 } from '../../domain/certification-reference';
import type { CertificateContent } from '../../domain/dcc/certificate-content';
import { verifyHcert } from './hcert.verifier';

/**
 * An independent implementation, PathCheck's DCC SDK, checks what we sign. It is lenient (no
 * expiry, key usage or schema checks), so it stands for "our signature and encoding are right",
 * not for our whole verifier. It runs in its own Node process: it loads itself through the `esm`
 * package, which misbehaves inside jest's module sandbox. Seeded with our DSC, it never looks a key
 * id up on the network.
 */
const SDK_SCRIPT = `
require('@peculiar/webcrypto');
const sdk = require('@pathcheck/dcc-sdk');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
sdk.addCachedCerts({ [input.kid]: input.dsc });
(async () => {
  const out = { verified: [] };
  for (const hc1 of input.verify) {
    const r = await sdk.unpackAndVerify(hc1);
    const dcc = r.status === 'verified' ? r.contents.get(-260).get(1) : undefined; // text-keyed maps → objects
    out.verified.push({ status: r.status, gn: dcc && dcc.nam.gn, gnt: dcc && dcc.nam.gnt, ci: dcc && dcc.v[0].ci });
  }
  if (input.sign) out.signed = await sdk.signAndPack(await sdk.makeCWT(input.sign, 12, 'VN'), input.dscPem, input.keyPem);
  process.stdout.write('\\n@@RESULT ' + JSON.stringify(out)); // the SDK logs to stdout too
})();
`;
const REPO_ROOT = join(__dirname, '../../../../..');

interface SdkOutput {
  verified: { status: string; gn?: string; gnt?: string; ci?: string }[];
  signed?: string;
}

type Setup = Awaited<ReturnType<typeof testSigner>>;
let setup: Setup;
beforeAll(async () => {
  setup = await testSigner();
});

function sdk(input: { verify: string[]; sign?: object }): SdkOutput {
  const payload = {
    ...input,
    kid: setup.keys.signer.kid.toString('base64'),
    dsc: setup.keys.dscDer.toString('base64'),
    dscPem: `-----BEGIN CERTIFICATE-----\n${setup.keys.dscDer.toString('base64')}\n-----END CERTIFICATE-----`,
    keyPem: setup.keys.signer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const stdout = execFileSync(process.execPath, ['-e', SDK_SCRIPT], {
    cwd: REPO_ROOT,
    input: JSON.stringify(payload),
    stdio: ['pipe', 'pipe', 'ignore'], // the SDK logs its own warnings
  });
  return JSON.parse(stdout.toString('utf8').split('@@RESULT ').pop()!) as SdkOutput;
}

const content = (fullName: string): CertificateContent => ({
  type: 'v',
  status: 'fully-vaccinated',
  holder: { fullName, dateOfBirth: '1985-07-21' },
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
});

describe('our certificates, verified by @pathcheck/dcc-sdk', () => {
  it('verifies Vietnamese names, including one with every diacritic, and keeps them intact', () => {
    const names = ['Nguyễn Văn Đức', 'Giàng A Páo', EVERY_DIACRITIC_NAME];
    const signed = names.map((name) => setup.signer.sign(content(name), new Date()));
    const { verified } = sdk({ verify: signed.map((s) => s.hc1) });
    verified.forEach((result, i) => {
      expect(result.status).toBe('verified');
      expect(result.gn?.normalize('NFC')).toBe(names[i].split(' ').slice(1).join(' '));
      expect(result.gnt).toMatch(/^[A-Z<]+$/);
      expect(result.ci).toBe(signed[i].certificateId);
    });
  });

  it('rejects ours once a character of the QR text changes', () => {
    const hc1 = setup.signer.sign(content('Lò Văn Pọm'), new Date()).hc1;
    const at = hc1.length - 20;
    const tampered = hc1.slice(0, at) + (hc1[at] === 'A' ? 'B' : 'A') + hc1.slice(at + 1);
    expect(sdk({ verify: [tampered] }).verified[0].status).not.toBe('verified');
  });

  it('is verified by ours when it signs with the same key', () => {
    const { signed } = sdk({
      verify: [],
      sign: { ver: '1.3.0', nam: { fnt: 'LO<VAN<POM' }, dob: '1980-01-01', v: [] },
    });
    const ours = verifyHcert(signed!, { at: new Date(), trustList: [setup.trusted] });
    expect(ours.checks).toMatchObject({
      prefix: 'passed',
      base45: 'passed',
      zlib: 'passed',
      cose: 'passed',
      signature: 'passed',
    });
  });
});
