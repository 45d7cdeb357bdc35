import {
  InjectionsAttestationsV1,
  InjectionsEventsV1,
  LegacyDoseOutcomesV1,
  MAX_ATTESTED_RECORDS,
} from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import { MAX_DOSES_PER_LIST } from '../domain/attestation/attestation.decider';
import type { AttestedEntry } from '../domain/attestation/attestation.messages';
import { injectionsEventToContractV1 } from './injections-events.to-contract-v1';

const stored = (type: string, data: object): RecordedEvent => ({
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  type,
  schemaVersion: 1,
  data,
  metadata: {
    correlationId: 'c-1',
    causationId: null,
    actor: { id: 'head-1', role: 'site-head', scope: 'site:LC-TD-01' },
    occurredAt: new Date('2021-11-05T10:00:00Z'),
  },
  stream: 'attestation-LC-TD-01-2021-11-05',
  revision: 0n,
  globalPosition: 1n,
  checkpoint: '1:1',
  recordedAt: new Date('2021-11-05T10:00:00Z'),
});

const entry = (i: number): AttestedEntry => ({
  doseId: `0189-dose-${i}`,
  personId: `P-${i}`,
  doseNumber: 1,
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn: '2021-11-05',
  verificationId: `v-${i}`,
});

const dayAttested = (entries: AttestedEntry[]) =>
  stored('DayAttested', {
    attestationId: 'att-1',
    siteId: 'LC-TD-01',
    day: '2021-11-05',
    entries,
    contentSha256: 'ab'.repeat(32),
    signature: 'c2ln',
    keyId: 'k-1',
    signedBy: 'head-1',
    signerRole: 'site-head',
    signedAt: '2021-11-05T10:00:00.000Z',
  });

describe('what injections publishes', () => {
  it('sends a signed day list on injections.attestations.v1, keyed by site, as its contract accepts it', () => {
    const sent = injectionsEventToContractV1(dayAttested([entry(1), entry(2)]))!;
    expect(sent.topic).toBe(InjectionsAttestationsV1.topic);
    expect(sent.key).toBe('LC-TD-01');
    expect(InjectionsAttestationsV1.parse(sent.message)).toMatchObject({
      type: 'RecordsAttested',
      payload: {
        day: '2021-11-05',
        records: [
          { recordId: '0189-dose-1', personId: 'P-1' },
          { recordId: '0189-dose-2', personId: 'P-2' },
        ],
        attestedBy: 'head-1',
        attestedAs: 'site-head',
      },
    });
  });

  it('never sends a list longer than the contract allows: the longest list a signing takes is accepted', () => {
    expect(MAX_DOSES_PER_LIST).toBeLessThanOrEqual(MAX_ATTESTED_RECORDS);
    const longest = Array.from({ length: MAX_DOSES_PER_LIST }, (_, i) => entry(i));
    const sent = injectionsEventToContractV1(dayAttested(longest))!;
    expect(() => InjectionsAttestationsV1.parse(sent.message)).not.toThrow();
  });

  it('keeps a dose on the person-keyed records topic, as its contract accepts it', () => {
    const sent = injectionsEventToContractV1(
      stored('DoseRecorded', {
        personId: 'P-1',
        doseId: '0189-dose-1',
        doseNumber: 1,
        vaccineCode: 'AZD1222',
        lotNumber: 'ABV5811',
        administeredOn: '2021-11-05',
        siteId: 'LC-TD-01',
        verificationId: 'v-1',
        recordedBy: 'staff-17',
      }),
    )!;
    expect(sent).toMatchObject({ topic: InjectionsEventsV1.topic, key: 'P-1' });
    expect(InjectionsEventsV1.parse(sent.message)).toMatchObject({ type: 'DoseRecorded' });
  });
});

describe("a legacy dose's answer to the campaign", () => {
  it('answers on injections.legacy-dose-outcomes.v1 as the contract says, without the facts kept from its list', () => {
    const out = injectionsEventToContractV1(
      stored('LegacyDoseImported', {
        doseId: 'legacy:cmp-1:imp:7',
        personId: 'P1',
        campaignId: 'cmp-1',
        outcome: 'recorded',
        doseNumber: 1,
        listed: {
          personId: 'P1',
          vaccineCode: 'AZD1222',
          lotNumber: 'L',
          administeredOn: '2021-08-12',
          siteId: 'S',
          verificationId: 'b',
        },
      }),
    )!;
    expect(out.topic).toBe(LegacyDoseOutcomesV1.topic);
    expect(LegacyDoseOutcomesV1.parse(JSON.parse(JSON.stringify(out.message))).payload).toEqual({
      doseId: 'legacy:cmp-1:imp:7',
      personId: 'P1',
      campaignId: 'cmp-1',
      outcome: 'recorded',
      doseNumber: 1,
    });
  });
});
