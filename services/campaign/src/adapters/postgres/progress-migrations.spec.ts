import { createHash } from 'node:crypto';
import { CAMPAIGN_MIGRATIONS } from './campaign.migrations';

// The hashes schema_migrations holds for the migrations as applied: the SQL builders the progress
// migrations share (progress-triggers.sql.ts) must reproduce their text to the byte, or migrate()
// refuses to start on every database that has them.
const APPLIED = {
  'campaign-0001-legacy-rows': '331970c0ee3655e87772c395f943b9dc669efe9674ee36d84ea6294e1b720ab7',
  'campaign-0002-campaigns': 'a765bd4453a45fef6fe07ac3c5dc4bcf86ea28931e5f6fa35ca844471e5dee9c',
  'campaign-0003-follow-up': 'f4383dd8921d1208c413e2b1f8304f469d0ce90424464488da05a70ca280c70b',
  'campaign-0004-progress-counters': 'cda5095a700dc1707a708e46b36b1164c8c86a58226adbed2911b56ecf6345b3',
  'campaign-0005-linkage-review': '5997fcee1ed5b4dbb6b631a88d659932a811db491b70f1b0fe645bcd86dbf6d2',
  'campaign-0006-progress-pending': '8db23ba3757af7c320a0a68435d2f049b500abf02cefd05682ae2264f83ed4cd',
  'campaign-0007-progress-answers': 'b657f34e741510ffd0c718555a621942f379abd94b6e2576504dd38768f0a175',
};

describe("the campaign's migrations", () => {
  it.each(Object.entries(APPLIED))('%s keeps the text it was applied with', (name, hash) => {
    const migration = CAMPAIGN_MIGRATIONS.find((m) => m.name === name);
    expect(createHash('sha256').update(migration!.sql, 'utf8').digest('hex')).toBe(hash);
  });

  it('are named in order, each once', () => {
    const names = CAMPAIGN_MIGRATIONS.map((m) => m.name);
    expect(names).toEqual([...new Set(names)].sort());
  });
});
