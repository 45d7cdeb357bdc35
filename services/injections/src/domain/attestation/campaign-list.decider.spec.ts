import { deciderSpec } from '@vax/testing';
import { matchedListSha256 } from '@vax/contracts';
import { campaignListDecider } from './campaign-list.decider';
import type { CampaignListEntry, RecordCampaignList } from './campaign-list.messages';

const { given, history } = deciderSpec(campaignListDecider);

const entries: CampaignListEntry[] = [
  {
    doseId: 'legacy:cmp-1:imp:9',
    recordDoseId: 'd-desk',
    personId: 'P2',
    vaccineCode: 'VEROCELL',
    lotNumber: 'X1',
    administeredOn: '2021-09-02',
    siteId: 'LC-TD-01',
    verificationId: 'cmp-1:imp:0',
  },
  {
    doseId: 'legacy:cmp-1:imp:7',
    recordDoseId: 'legacy:cmp-1:imp:7',
    personId: 'P1',
    vaccineCode: 'AZD1222',
    lotNumber: 'ABV5811',
    administeredOn: '2021-08-12',
    siteId: 'LC-TD-01',
    verificationId: 'cmp-1:imp:0',
  },
];
const signed = {
  attestationId: 'att-1',
  campaignId: 'cmp-1',
  scope: 'site' as const,
  unit: 'LC-TD-01',
  attestedBy: 'head-1',
  signerRole: 'site-head',
  attestedAt: '2021-12-01T08:00:00.000Z',
};
// The digest the campaign's matchedListContent (@vax/contracts) gives these two entries, signed as above.
const CAMPAIGN_DIGEST = '76b0267b27a7fcdf51d596e312056683ce24a63974ad31af690b1e9fe3a0541d';
const digestOf = (found: CampaignListEntry[]) =>
  matchedListSha256({ ...signed, entries: found, signedBy: signed.attestedBy, signedAt: signed.attestedAt });
const record = (found: CampaignListEntry[], over: Partial<RecordCampaignList> = {}): RecordCampaignList => ({
  type: 'RecordCampaignList',
  ...signed,
  doses: 2,
  contentSha256: CAMPAIGN_DIGEST,
  found,
  foundSha256: digestOf(found),
  ...over,
});

describe("a campaign's signed list carried into the records", () => {
  it('rebuilds the bytes the campaign signs, byte for byte', () => {
    expect(digestOf(entries)).toBe(CAMPAIGN_DIGEST);
    expect(digestOf([...entries].reverse())).toBe(CAMPAIGN_DIGEST);
  });

  it('attests the doses on the records when they are exactly the signed list, the same injection already there included', () => {
    expect(given().when(record(entries))).toEqual([
      {
        type: 'CampaignListAttested',
        data: {
          ...signed,
          doses: 2,
          contentSha256: CAMPAIGN_DIGEST,
          entries: [
            { doseId: 'legacy:cmp-1:imp:9', recordDoseId: 'd-desk', personId: 'P2' },
            { doseId: 'legacy:cmp-1:imp:7', recordDoseId: 'legacy:cmp-1:imp:7', personId: 'P1' },
          ],
        },
      },
    ]);
  });

  it('covers nothing when the doses held are not the signed list, and says why', () => {
    const [fewer] = given().when(record(entries.slice(0, 1)));
    expect(fewer).toMatchObject({
      type: 'CampaignListNotMatched',
      data: { found: 1, doses: 2, reason: 'count-differs' },
    });
    const changed = [{ ...entries[0], lotNumber: 'X2' }, entries[1]];
    const [other] = given().when(record(changed));
    expect(other).toMatchObject({ type: 'CampaignListNotMatched', data: { found: 2, reason: 'content-differs' } });
  });

  it('records an attestation once, delivered again or not', () => {
    expect(given(history(record(entries))).when(record(entries))).toEqual([]);
  });
});
