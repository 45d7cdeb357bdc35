import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { fold } from '@vax/event-sourcing';
import { type CertificationCommand, type CertificationEvent } from '../domain/certificate/certification.messages';
import { certificateToIssue, certificationDecider } from '../domain/certificate/certification.decider';
import { currentCertificate } from '../domain/certificate/certification.state';
import { base45Decode } from '../adapters/hcert/base45';
import { cborDecoder } from '../adapters/hcert/cbor';
import { decodeCoseSign1 } from '../adapters/hcert/cose-sign1';
import { verifyHcert } from '../adapters/hcert/hcert.verifier';
import type { InjectionFact } from '../domain/status/vaccination-facts';
import { reference, testSigner } from './certification.spec-fixtures';

type Setup = Awaited<ReturnType<typeof testSigner>>;
let setup: Setup;
beforeAll(async () => {
  setup = await testSigner(new Date('2021-12-01T00:00:00Z'));
});

const NOW = '2021-12-01T03:00:00.000Z';
const holder = { fullName: 'Lò Thị Đào', dateOfBirth: '1990-03-04' };
const base = { personId: 'P000000042', reference, today: '2021-12-01', now: NOW };
const fact = (sourceId: string, f: InjectionFact): CertificationCommand => ({
  ...base,
  type: 'ApplyInjectionFact',
  sourceId,
  fact: f,
});

/** Load, plan, sign if needed, decide — what the application service does, without a store. */
function run(history: CertificationEvent[], command: CertificationCommand): CertificationEvent[] {
  const state = fold(certificationDecider, history);
  const content = certificateToIssue(command, state);
  const issue = content ? setup.signer.sign(content, new Date(command.now)) : undefined;
  return [...history, ...certificationDecider.decide({ ...command, issue }, state)];
}

function given(...commands: CertificationCommand[]): CertificationEvent[] {
  return commands.reduce(run, [] as CertificationEvent[]);
}

const identify: CertificationCommand = { ...base, type: 'IdentifyHolder', sourceId: 'id-1', holder };
const dose1 = fact('m-1', {
  kind: 'dose-recorded',
  doseNumber: 1,
  vaccineCode: 'AZD1222',
  administeredOn: '2021-09-01',
});
const dose2 = fact('m-2', {
  kind: 'dose-recorded',
  doseNumber: 2,
  vaccineCode: 'AZD1222',
  administeredOn: '2021-10-01',
});
const corrected = fact('m-3', {
  kind: 'dose-corrected',
  doseNumber: 2,
  vaccineCode: 'COMIRNATY',
  administeredOn: '2021-10-02',
});

const revokedHashes = (events: CertificationEvent[]) =>
  new Set(events.flatMap((e) => (e.type === 'CertificateRevoked' ? Object.values(e.data.hashes) : [])));
const verify = (hc1: string, events: CertificationEvent[], at = new Date('2021-12-02T00:00:00Z')) =>
  verifyHcert(hc1, {
    at,
    trustList: [setup.trusted],
    isRevoked: (h) => Object.values(h).some((x) => revokedHashes(events).has(x)),
  });
const valid = (events: CertificationEvent[]) =>
  fold(certificationDecider, events).certificates.filter((c) => c.revoked === null);

describe('certification: status, issue, correction', () => {
  it('issues a partial (yellow) certificate after the first dose, once the holder is known', () => {
    const events = given(dose1, identify);
    const issued = events.filter((e) => e.type === 'CertificateIssued');
    expect(issued).toHaveLength(1);
    expect(issued[0].data).toMatchObject({ content: { status: 'partially-vaccinated', entry: { dn: 1, sd: 2 } } });
    expect(verify(issued[0].data.hc1, events)).toMatchObject({ valid: true, type: 'v' });
  });

  it('applies a redelivered message once', () => {
    const once = given(identify, dose1, dose2);
    expect(given(identify, dose1, dose2, dose2, dose1)).toHaveLength(once.length);
  });

  it('corrected dose: the old certificate is revoked, the new one valid, the old QR fails as revoked', () => {
    const before = given(identify, dose1, dose2);
    const old = currentCertificate(fold(certificationDecider, before))!;
    expect(old.content).toMatchObject({ status: 'fully-vaccinated', entry: { dn: 2, sd: 2, mp: 'EU/1/21/1529' } });
    const after = run(before, corrected);
    const appended = after.slice(before.length).map((e) => e.type);
    expect(appended).toEqual(['InjectionFactApplied', 'StatusChanged', 'CertificateRevoked', 'CertificateIssued']);
    const fresh = currentCertificate(fold(certificationDecider, after))!;
    expect(fresh.certificateId).not.toBe(old.certificateId);
    expect(fresh.replaces).toBe(old.certificateId);
    expect(fresh.content).toMatchObject({ entry: { mp: 'EU/1/20/1528', dt: '2021-10-02' } });
    expect(verify(fresh.hc1, after)).toMatchObject({ valid: true });
    expect(verify(old.hc1, before)).toMatchObject({ valid: true });
    expect(verify(old.hc1, after)).toMatchObject({ valid: false, failed: 'revocation' });
  });

  it('never leaves two valid certificates, whatever happens', () => {
    const voided = fact('m-4', { kind: 'dose-voided', doseNumber: 2 });
    const renamed: CertificationCommand = {
      ...identify,
      sourceId: 'id-2',
      holder: { ...holder, fullName: 'Lò Thị Đảo' },
    };
    const steps = [identify, dose1, dose2, corrected, renamed, voided];
    for (let n = 1; n <= steps.length; n++) expect(valid(given(...steps.slice(0, n))).length).toBeLessThanOrEqual(1);
  });

  it('revokes without replacement when the only dose is voided', () => {
    const events = given(identify, dose1, fact('m-9', { kind: 'dose-voided', doseNumber: 1 }));
    expect(valid(events)).toHaveLength(0);
    expect(events.at(-1)).toMatchObject({
      type: 'CertificateRevoked',
      data: { reason: 'dose-voided', replacedBy: null },
    });
  });

  it('issues a recovery certificate for a recovered patient without doses', () => {
    const recovered = fact('m-5', {
      kind: 'recovery-recorded',
      positiveTestOn: '2021-11-01',
      recoveredOn: '2021-11-15',
    });
    const events = given(identify, recovered);
    const c = currentCertificate(fold(certificationDecider, events))!;
    expect(c.content).toMatchObject({ type: 'r', entry: { fr: '2021-11-01', df: '2021-11-12', du: '2022-04-30' } });
    expect(verify(c.hc1, events)).toMatchObject({ valid: true, type: 'r' });
  });

  it('signs certificates that expire 12 months after issue and record the pinned value sets', () => {
    const c = currentCertificate(fold(certificationDecider, given(identify, dose1)))!;
    expect(c.issuedAt).toBe(NOW);
    expect(c.expiresAt).toBe('2022-12-01T03:00:00.000Z');
    expect(c.valueSetVersion).toBe(reference.valueSetVersion);
    expect(verify(c.hc1, [], new Date('2022-12-01T03:00:01Z'))).toMatchObject({ valid: false, failed: 'expiry' });
  });

  it('refuses to decide an issue without a signed certificate for the right content', () => {
    const state = fold(certificationDecider, given(identify));
    expect(() => certificationDecider.decide(dose1, state)).toThrow(/signed/);
  });
});

describe('encoding details verifiers in the field rely on', () => {
  it('zlib stream starts with 0x78 and the kid is the first 8 bytes of the DSC’s SHA-256', () => {
    const hc1 = currentCertificate(fold(certificationDecider, given(identify, dose1)))!.hc1;
    const compressed = base45Decode(hc1.slice(4));
    expect(compressed[0]).toBe(0x78);
    const cose = decodeCoseSign1(inflateSync(compressed));
    expect(cose.protectedHeader.get(1)).toBe(-7);
    expect(Buffer.from(cose.protectedHeader.get(4) as Uint8Array)).toEqual(
      createHash('sha256').update(setup.keys.dscDer).digest().subarray(0, 8),
    );
  });

  it('holds no undefined value anywhere in what is signed (I-CO5), vaccination or recovery', () => {
    const recovered = fact('m-9', {
      kind: 'recovery-recorded',
      positiveTestOn: '2021-11-01',
      recoveredOn: '2021-11-15',
    });
    for (const events of [given(identify, dose1), given(identify, recovered)]) {
      const hc1 = currentCertificate(fold(certificationDecider, events))!.hc1;
      const cwt = cborDecoder.decode(decodeCoseSign1(inflateSync(base45Decode(hc1.slice(4)))).payload);
      const undefinedAt = (value: unknown, path: string): string[] =>
        value === undefined
          ? [path]
          : value instanceof Map
            ? [...value].flatMap(([k, v]) => undefinedAt(v, `${path}/${String(k)}`))
            : Array.isArray(value)
              ? value.flatMap((v, i) => undefinedAt(v, `${path}/${i}`))
              : [];
      expect(undefinedAt(cwt, '')).toEqual([]);
      expect((cwt as Map<number, Map<number, Map<string, unknown>>>).get(-260)!.get(1)!.size).toBe(4);
    }
  });

  it('carries no ID-card number: the payload holds the schema’s fields and nothing else', () => {
    const c = currentCertificate(fold(certificationDecider, given(identify, dose1)))!;
    const dcc = verify(c.hc1, []).dcc as { v: Record<string, unknown>[] };
    expect(Object.keys(dcc).sort()).toEqual(['dob', 'nam', 'v', 'ver']);
    expect(Object.keys(dcc.v[0]).sort()).toEqual(['ci', 'co', 'dn', 'dt', 'is', 'ma', 'mp', 'sd', 'tg', 'vp']);
  });
});
