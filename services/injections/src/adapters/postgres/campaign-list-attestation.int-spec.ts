import { type MatchedListAttested, matchedListSha256 } from '@vax/contracts';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, migrate } from '@vax/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { campaignDosesProjection } from '../../projections/campaign-doses.projection';
import { doseRegisterProjection } from '../../projections/dose-register.projection';
import { loadReferenceData } from '../../reference/reference-data';
import { CampaignListAttestationService } from '../../application/campaign-list-attestation.service';
import { LegacyDoseImportService } from '../../application/legacy-dose-import.service';
import { PostgresCampaignDosesReads } from './campaign-doses.reads';

const campaignActor = { id: 'campaign:cmp-1', role: 'system', scope: 'province:LC' };
const meta = (id: string) => ({ correlationId: 'cmp-1', causationId: id });
const dose = (doseId: string, personId: string, campaignId = 'cmp-1') => ({
  doseId,
  campaignId,
  personId,
  verificationId: `${campaignId}:imp:0`,
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn: '2021-08-12',
  siteId: 'LC-TD-01',
});

describe("a campaign's signed matched list carried into the records (PostgreSQL)", () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let lists: CampaignListAttestationService;

  /**
   * What the projection runner does: every new event into both read models. Read stream by stream:
   * the log (readAll) holds an event back while any older transaction of the server is open, other
   * test files' included, which on a busy machine can be longer than a test.
   */
  const applied = new Set<string>();
  async function project(): Promise<void> {
    const streams = ['record-P1', 'record-P2', 'campaign-list-att-1', 'campaign-list-att-2'];
    const events = (await Promise.all(streams.map((s) => store.readStream(s)))).flat();
    const client = await pool.connect();
    try {
      for (const e of events.filter((e) => !applied.has(e.id))) {
        applied.add(e.id);
        await campaignDosesProjection.apply(client, 'campaign_doses', e);
        await doseRegisterProjection.apply(client, 'dose_register', e);
      }
    } finally {
      client.release();
    }
  }

  const signed = (over: Partial<MatchedListAttested> = {}): MatchedListAttested => {
    const list = {
      attestationId: 'att-1',
      campaignId: 'cmp-1',
      scope: 'site' as const,
      unit: 'LC-TD-01',
      doses: 2,
      attestedBy: 'head-1',
      signerRole: 'site-head',
      attestedAt: '2021-12-01T08:00:00.000Z',
      contentSha256: '',
      ...over,
    };
    // What the campaign signs: its two doses of the site, as its list has them.
    const entries = [dose('legacy:cmp-1:imp:7', 'P1'), dose('legacy:cmp-1:imp:9', 'P2')];
    const contentSha256 = matchedListSha256({
      ...list,
      entries,
      signedBy: list.attestedBy,
      signedAt: list.attestedAt,
    });
    return { ...list, contentSha256: over.contentSha256 ?? contentSha256 };
  };

  beforeAll(async () => {
    db = await createTestDatabase('campaign_lists');
    pool = new Pool({ connectionString: db.url, max: 3 });
    await migrate(pool, EVENT_STORE_MIGRATIONS);
    const client = await pool.connect();
    await campaignDosesProjection.createTable(client, 'campaign_doses');
    await doseRegisterProjection.createTable(client, 'dose_register');
    client.release();
    store = new PostgresEventStore(pool);
    const reference = loadReferenceData();
    const legacy = new LegacyDoseImportService(store, reference);
    lists = new CampaignListAttestationService(store, new PostgresCampaignDosesReads(pool), reference);
    // P2's injection was already on the record (from another campaign's list): this one acknowledges it.
    await legacy.import(dose('legacy:cmp-0:imp:3', 'P2', 'cmp-0'), campaignActor, meta('m0'));
    await legacy.import(dose('legacy:cmp-1:imp:7', 'P1'), campaignActor, meta('m1'));
    await legacy.import(dose('legacy:cmp-1:imp:9', 'P2'), campaignActor, meta('m2'));
    await project();
  }, 30_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  }, 30_000);

  const attestationOf = async (doseId: string) =>
    (await pool.query('select attestation_id from dose_register where dose_id = $1', [doseId])).rows[0]?.attestation_id;

  it('attests the doses of the list on the records, the injection that was already there included', async () => {
    expect(await lists.record(signed(), campaignActor, meta('m3'))).toEqual(['CampaignListAttested']);
    await project();
    expect(await attestationOf('legacy:cmp-1:imp:7')).toBe('att-1');
    expect(await attestationOf('legacy:cmp-0:imp:3')).toBe('att-1'); // P2's dose on the record
    const left = await pool.query(`select count(*)::int as n from campaign_doses where attestation_id is null`);
    expect(left.rows[0].n).toBe(1); // the other campaign's dose is not on this list
  });

  it('changes nothing when the same message comes again', async () => {
    expect(await lists.record(signed(), campaignActor, meta('m3'))).toEqual([]);
  });

  it('covers nothing when the doses held are not the signed list, and keeps why', async () => {
    const other = signed({ attestationId: 'att-2', campaignId: 'cmp-0', doses: 1, contentSha256: 'f'.repeat(64) });
    expect(await lists.record(other, campaignActor, meta('m4'))).toEqual(['CampaignListNotMatched']);
    await project();
    const [event] = await store.readStream('campaign-list-att-2');
    expect(event.data).toMatchObject({ found: 1, doses: 1, reason: 'content-differs' });
    const still = await pool.query(`select attestation_id from campaign_doses where campaign_id = 'cmp-0'`);
    expect(still.rows).toEqual([{ attestation_id: null }]);
  });
});
