import {
  type AttestList,
  type AttestedDose,
  AttestationRefused,
  listAttestationDecider as decider,
} from './list-attestation.decider';
import { deciderSpec } from '@vax/testing';

const { given } = deciderSpec(decider);

const dose = (doseId: string): AttestedDose => ({
  doseId,
  personId: `P-${doseId}`,
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn: '2021-08-12',
  siteId: 'LC-TD-01',
  verificationId: 'c1:i1:0',
});
const head = { id: 'head-1', role: 'site-head', scope: 'site:LC-TD-01' };
const attest = (over: Partial<AttestList> = {}): AttestList => ({
  type: 'AttestList',
  attestationId: 'at-1',
  campaignId: 'c1',
  scope: 'site',
  unit: 'LC-TD-01',
  entries: [dose('d-1'), dose('d-2')],
  contentSha256: 'ab'.repeat(32),
  signature: 'c2ln',
  keyId: 'k-1',
  signer: head,
  signedAt: '2021-12-01T03:00:00.000Z',
  ...over,
});
const rules = (work: () => unknown) => {
  try {
    work();
    return [];
  } catch (error) {
    if (!(error instanceof AttestationRefused)) throw error;
    return error.problems.map((p) => `${p.field}:${p.rule}`);
  }
};

describe("attesting a campaign's matched list", () => {
  it('records who signed which doses, with the digest and signature of their content', () => {
    expect(given().when(attest())).toEqual([
      {
        type: 'ListAttested',
        data: expect.objectContaining({
          attestationId: 'at-1',
          scope: 'site',
          unit: 'LC-TD-01',
          signedBy: 'head-1',
          signerRole: 'site-head',
          entries: [dose('d-1'), dose('d-2')],
        }),
      },
    ]);
  });

  it("lets the site's head sign the site's list and the commune's chairman the commune's, nobody else", () => {
    const chairman = { id: 'ct-1', role: 'commune-chairman', scope: 'commune:Xã Bình Lư' };
    expect(given().when(attest({ scope: 'commune', unit: 'Xã Bình Lư', signer: chairman }))).toHaveLength(1);
    for (const signer of [
      chairman,
      { id: 's', role: 'site-staff', scope: 'site:LC-TD-01' },
      { ...head, scope: 'site:LC-TD-02' },
    ])
      expect(rules(() => given().when(attest({ signer })))).toEqual(['signer:responsiblePerson']);
  });

  it('signs each dose once: a later list of the commune covers only what the site did not sign', () => {
    const signed = given(given().when(attest()));
    const chairman = { id: 'ct-1', role: 'commune-chairman', scope: 'commune:Xã Bình Lư' };
    const commune = attest({ attestationId: 'at-2', scope: 'commune', unit: 'Xã Bình Lư', signer: chairman });
    expect(rules(() => signed.when(commune))).toEqual(['unit:notAttested']);
    expect(signed.when({ ...commune, entries: [dose('d-3')] })).toHaveLength(1);
  });

  it('refuses an empty list, and records a signing sent twice once', () => {
    expect(rules(() => given().when(attest({ entries: [] })))).toEqual(['unit:hasMatchedDoses']);
    const signed = given(given().when(attest()));
    expect(signed.when(attest())).toEqual([]);
  });
});
