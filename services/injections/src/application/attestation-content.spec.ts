import { canonicalContent } from './attestation-content';

const entry = (doseId: string, personId: string) => ({
  doseId,
  personId,
  doseNumber: 2,
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn: '2021-08-12',
  verificationId: `v-${personId}`,
});
const day = {
  attestationId: 'att-9',
  siteId: 'LC-TD-01',
  day: '2021-08-12',
  signedBy: 'head-1',
  signerRole: 'site-head',
  signedAt: '2021-08-12T17:00:00.000Z',
};

describe("the bytes a site's day is signed over", () => {
  // Signatures already on the records rest on this layout: it may not change.
  it('are the header then the entries by dose id, whatever order they were read in', () => {
    const bytes = canonicalContent({ ...day, entries: [entry('d2', 'P2'), entry('d1', 'P1')] });
    expect(bytes.toString('utf8')).toBe(
      '["att-9","LC-TD-01","2021-08-12","head-1","site-head","2021-08-12T17:00:00.000Z",' +
        '[["d1","P1",2,"AZD1222","ABV5811","2021-08-12","v-P1"],["d2","P2",2,"AZD1222","ABV5811","2021-08-12","v-P2"]]]',
    );
  });
});
