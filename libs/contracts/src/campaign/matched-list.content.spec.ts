import { matchedListContent, matchedListSha256 } from './matched-list.content';

// The same list as each side holds it: the campaign signs its matched rows (AttestedDose); injections
// rebuilds the list from the legacy doses on its records (a listed dose with its record's dose id).
const campaignSigned = {
  attestationId: 'att-1',
  campaignId: 'cmp-1',
  scope: 'site',
  unit: 'LC-TD-01',
  signedBy: 'head-1',
  signerRole: 'site-head',
  signedAt: '2021-12-01T08:00:00.000Z',
  entries: [
    {
      doseId: 'legacy:cmp-1:imp:7',
      personId: 'P1',
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV5811',
      administeredOn: '2021-08-12',
      siteId: 'LC-TD-01',
      verificationId: 'cmp-1:imp:0',
    },
    {
      doseId: 'legacy:cmp-1:imp:9',
      personId: 'P2',
      vaccineCode: 'VEROCELL',
      lotNumber: 'X1',
      administeredOn: '2021-09-02',
      siteId: 'LC-TD-01',
      verificationId: 'cmp-1:imp:0',
    },
  ],
};
const injectionsRebuilt = {
  ...campaignSigned,
  entries: [...campaignSigned.entries].reverse().map((e) => ({ ...e, recordDoseId: `record-of-${e.doseId}` })),
};
// Signatures already given rest on these bytes: a change to the layout must fail here first.
const GOLDEN =
  '["att-1","cmp-1","site","LC-TD-01","head-1","site-head","2021-12-01T08:00:00.000Z",' +
  '[["legacy:cmp-1:imp:7","P1","AZD1222","ABV5811","2021-08-12","LC-TD-01","cmp-1:imp:0"],' +
  '["legacy:cmp-1:imp:9","P2","VEROCELL","X1","2021-09-02","LC-TD-01","cmp-1:imp:0"]]]';

describe("a campaign's matched list, as signed", () => {
  it('is the same bytes for the campaign signing it and for injections rebuilding it from its records', () => {
    expect(matchedListContent(injectionsRebuilt).equals(matchedListContent(campaignSigned))).toBe(true);
    expect(matchedListContent(campaignSigned).toString('utf8')).toBe(GOLDEN);
  });

  it('has the digest injections has always checked against', () => {
    expect(matchedListSha256(campaignSigned)).toBe('76b0267b27a7fcdf51d596e312056683ce24a63974ad31af690b1e9fe3a0541d');
  });

  it('differs when a dose differs', () => {
    const other = {
      ...campaignSigned,
      entries: [{ ...campaignSigned.entries[0], lotNumber: 'ABV5812' }, campaignSigned.entries[1]],
    };
    expect(matchedListSha256(other)).not.toBe(matchedListSha256(campaignSigned));
  });
});
