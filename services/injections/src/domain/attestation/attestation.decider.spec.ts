import { brokenRules } from '../record/record.spec-fixtures';
import { MAX_DOSES_PER_LIST, attestationDecider as decider } from './attestation.decider';
import type { AttestDay, AttestedEntry } from './attestation.messages';
import { deciderSpec } from '@vax/testing';

const { given } = deciderSpec(decider);

const entry = (doseId: string): AttestedEntry => ({
  doseId,
  personId: `P-${doseId}`,
  doseNumber: 1,
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn: '2021-11-05',
  verificationId: `v-${doseId}`,
});
const head = { id: 'head-1', role: 'site-head', scope: 'site:LC-TD-01' };
const attest = (over: Partial<AttestDay> = {}): AttestDay => ({
  type: 'AttestDay',
  attestationId: 'a-1',
  siteId: 'LC-TD-01',
  day: '2021-11-05',
  site: { id: 'LC-TD-01', commune: 'Xã Bình Lư' },
  entries: [entry('d-1'), entry('d-2')],
  contentSha256: 'ab'.repeat(32),
  signature: 'c2ln',
  keyId: 'k-1',
  signer: head,
  signedAt: '2021-11-05T10:00:00Z',
  today: '2021-11-05',
  ...over,
});
const signed = given().when(attest());

describe("attesting a site's verified list of a day", () => {
  it('records who signed, when, which doses and the signature over their content', () => {
    expect(signed).toEqual([
      {
        type: 'DayAttested',
        data: expect.objectContaining({
          attestationId: 'a-1',
          signedBy: 'head-1',
          signerRole: 'site-head',
          contentSha256: 'ab'.repeat(32),
          entries: [entry('d-1'), entry('d-2')],
        }),
      },
    ]);
  });

  it("lets the commune's chairman sign, and nobody else", () => {
    const chairman = { id: 'ct-1', role: 'commune-chairman', scope: 'commune:Xã Bình Lư' };
    expect(given().when(attest({ signer: chairman }))).toHaveLength(1);
    const staff = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };
    const otherHead = { id: 'head-2', role: 'site-head', scope: 'site:LC-TD-02' };
    for (const signer of [staff, otherHead])
      expect(brokenRules(() => given().when(attest({ signer })))).toEqual(['signer:responsiblePerson']);
  });

  it('attests each dose once; a later list covers only doses synced since', () => {
    const attested = given(signed);
    expect(attested.when(attest())).toEqual([]);
    expect(brokenRules(() => attested.when(attest({ attestationId: 'a-2' })))).toEqual(['day:notAttested']);
    expect(attested.when(attest({ attestationId: 'a-2', entries: [entry('d-3')] }))).toHaveLength(1);
  });

  it('refuses an empty list and a day not yet over', () => {
    expect(brokenRules(() => given().when(attest({ entries: [] })))).toEqual(['day:hasDoses']);
    expect(brokenRules(() => given().when(attest({ day: '2021-11-06' })))).toEqual(['day:notInFuture']);
  });

  it('holds at most one list of doses per signing; a busier day is signed in several lists', () => {
    const doses = (n: number) => Array.from({ length: n }, (_, i) => entry(`d-${i}`));
    expect(given().when(attest({ entries: doses(MAX_DOSES_PER_LIST) }))).toHaveLength(1);
    expect(brokenRules(() => given().when(attest({ entries: doses(MAX_DOSES_PER_LIST + 1) })))).toEqual([
      'day:listSize',
    ]);
  });
});
