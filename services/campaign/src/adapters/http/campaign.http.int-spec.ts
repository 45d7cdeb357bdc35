import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Client, Connection } from '@temporalio/client';
import { ProblemDetailsFilter, loadConfig, strictValidationPipe } from '@vax/platform';
import {
  OpenApiAnswers,
  TestActorTokens,
  type TestDatabase,
  createTestDatabase,
  testInfrastructure,
} from '@vax/testing';
import { Pool } from 'pg';
import { CampaignConfig } from '../../campaign.config';
import { CampaignModule } from '../../campaign.module';
import { parseMapping } from '../../domain/legacy-row/column-mapping';
import { importFile } from '../files/import-file';
import { loadCampaignReference } from '../../reference/reference-data';
// Not exported by @vax/platform: bootstrapHttpService applies them; this test wires the same by hand.
import { jsonBodyParser, requireJsonBodies } from '../../../../../libs/platform/src/http/request-body.middleware';

/** The fields these tests read from answers. */
type Answer = { campaignId: string; errors: unknown[]; rows: { key: string; rows: number }[] } & Record<
  string,
  unknown
>;
const body = async (res: Response): Promise<Answer> => (await res.json()) as Answer;

// The API as bootstrapHttpService wires it (without its Kafka consumer), on real PostgreSQL and the
// Temporal dev server; no worker polls this test's task queue, so started campaigns wait there.
describe('campaign API', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let tokens: TestActorTokens;
  const taskQueue = `campaign-api-${randomBytes(3).toString('hex')}`;
  const as = (role: string, scope: string) =>
    tokens.liveHeaders({ id: `${role}-1`, role, scope }, 'campaign', { 'content-type': 'application/json' });
  let manager: Record<string, string>;
  let campaignId = '';
  /** Every success answered here is held to the service's own OpenAPI document. */
  let documented: OpenApiAnswers;
  const fetch = async (url: string, init?: RequestInit) => {
    const res = await globalThis.fetch(url, init);
    const type = res.headers.get('content-type') ?? '';
    const answer = type.includes('json') ? await res.clone().json() : await res.clone().text();
    expect(documented.problems(init?.method ?? 'GET', url, res.status, type, answer)).toEqual([]);
    return res;
  };

  beforeAll(async () => {
    tokens = await TestActorTokens.create();
    manager = as('manager', 'province:LC');
    db = await createTestDatabase('campaign_api');
    const infra = testInfrastructure();
    const config = loadConfig('campaign', CampaignConfig, {
      PORT: '1',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: infra.temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
      PUBLISHER_ENABLED: 'false',
      ATTESTATION_DEV_KEY_FILE: join(tmpdir(), `${taskQueue}.pem`),
    });
    app = await NestFactory.create(CampaignModule.forRoot(config), { bodyParser: false, logger: false });
    app.use(requireJsonBodies(), jsonBodyParser(100_000));
    app.useGlobalPipes(strictValidationPipe());
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    documented = new OpenApiAnswers(SwaggerModule.createDocument(app, new DocumentBuilder().build()) as never);
    const pool = new Pool({ connectionString: db.url, max: 2 });
    const mapping = parseMapping(
      JSON.parse(readFileSync(join(__dirname, '../../../mappings/legacy-list.vi.json'), 'utf8')),
    );
    const context = { ...loadCampaignReference(), today: '2021-12-01', firstVaccinationDay: '2021-03-01' };
    await importFile(pool, join(__dirname, '../files/fixtures/legacy-list.csv'), {
      importId: 'imp-a',
      mapping,
      context,
    });
    await pool.end();
  }, 60_000);
  afterAll(async () => {
    if (campaignId) {
      const client = new Client({
        connection: await Connection.connect({ address: testInfrastructure().temporalAddress }),
      });
      await client.workflow
        .getHandle(`campaign-${campaignId}`)
        .terminate('test over')
        .catch(() => undefined);
      await client.connection.close();
    }
    await app?.close();
    await db?.drop();
  });

  it('starts a campaign over finished imports only, and answers with problems naming field and rule', async () => {
    const bad = await fetch(`${base}/campaigns`, {
      method: 'POST',
      headers: manager,
      body: JSON.stringify({ name: 'Đợt 1', importIds: ['imp-x'], deadline: '2099-12-31' }),
    });
    expect(bad.status).toBe(422);
    expect((await body(bad)).errors).toEqual([expect.objectContaining({ field: 'importIds', rule: 'finishedImport' })]);
    const invalid = await fetch(`${base}/campaigns`, {
      method: 'POST',
      headers: manager,
      body: JSON.stringify({ name: 'Đợt 1', importIds: ['imp-a'], deadline: '31/12/2099' }),
    });
    expect(invalid.status).toBe(400);
    const started = await fetch(`${base}/campaigns`, {
      method: 'POST',
      headers: manager,
      body: JSON.stringify({ name: 'Đợt 1', importIds: ['imp-a'], deadline: '2099-12-31' }),
    });
    expect(started.status).toBe(201);
    campaignId = (await body(started)).campaignId;
    const status = await body(await fetch(`${base}/campaigns/${campaignId}`, { headers: manager }));
    expect(status).toMatchObject({ campaignId, status: 'running', importIds: ['imp-a'] });
  });

  it('is for managers: site staff may not start or steer campaigns, and nobody without a token', async () => {
    const staff = as('site-staff', 'site:LC-TD-01');
    expect((await fetch(`${base}/campaigns/${campaignId}/pause`, { method: 'POST', headers: staff })).status).toBe(403);
    expect((await fetch(`${base}/campaigns/${campaignId}`)).status).toBe(401);
    expect((await fetch(`${base}/campaigns/${campaignId}/pause`, { method: 'POST', headers: manager })).status).toBe(
      202,
    );
    expect((await fetch(`${base}/campaigns/${campaignId}/retry`, { method: 'POST', headers: staff })).status).toBe(403);
    expect((await fetch(`${base}/campaigns/${campaignId}/retry`, { method: 'POST', headers: manager })).status).toBe(
      202,
    );
  });

  it('reports progress by district as JSON and by site as CSV, against the deadline', async () => {
    const json = await body(
      await fetch(`${base}/campaigns/${campaignId}/progress?groupBy=district`, { headers: manager }),
    );
    expect(json).toMatchObject({ campaignId, deadline: '2099-12-31', groupBy: 'district' });
    expect(json.rows.map((r: { key: string; rows: number }) => [r.key, r.rows])).toEqual([
      ['(no known site)', 3],
      ['Phong Thổ', 1],
      ['Tam Đường', 4],
    ]);
    const csv = await fetch(`${base}/campaigns/${campaignId}/progress?groupBy=site&format=csv`, { headers: manager });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel shows "Tam Đường", not mojibake
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'site,rows,sent,matched,mismatched,notFound,invalidId,rejected,duplicates,recorded,corrected,attested,worklistOpen,worklistOverdue,settledShare,deadline,daysLeft',
    );
    expect(lines.find((l) => l.startsWith('LC-TD-02,'))).toMatch(/^LC-TD-02,2,0,0,/);
    const district = as('manager', 'district:Phong Thổ');
    const mine = await body(
      await fetch(`${base}/campaigns/${campaignId}/progress?groupBy=site`, { headers: district }),
    );
    expect(mine.rows.map((r: { key: string }) => r.key)).toEqual(['LC-PT-01']);
  });

  it("shows a site only its own worklist, and refuses a correction of another site's row", async () => {
    const other = as('site-staff', 'site:LC-PT-01');
    expect((await fetch(`${base}/campaigns/${campaignId}/worklists?siteId=LC-TD-01`, { headers: other })).status).toBe(
      403,
    );
    const own = await fetch(`${base}/campaigns/${campaignId}/worklists?siteId=LC-PT-01`, { headers: other });
    expect(await body(own)).toEqual({ campaignId, siteId: 'LC-PT-01', items: [], nextCursor: null });
    const unknown = await fetch(`${base}/campaigns/${campaignId}/worklist-items/nope/correction`, {
      method: 'POST',
      headers: other,
      body: JSON.stringify({ dateOfBirth: '1990-05-03' }),
    });
    expect(unknown.status).toBe(404);
    const badId = await fetch(`${base}/campaigns/${campaignId}/worklist-items/nope/correction`, {
      method: 'POST',
      headers: other,
      body: JSON.stringify({ idNumber: '123' }),
    });
    expect(badId.status).toBe(400);
  });

  it('pages worklists by cursor and limit, each item once, and refuses a cursor it did not make', async () => {
    const pool = new Pool({ connectionString: db.url, max: 1 });
    await pool.query(
      `insert into worklist_items (item_id, campaign_id, import_id, row_number, site_id, reason, due_on)
       select 'page-' || n, $1, 'imp-a', n + 1, 'LC-SH-M1', 'not-in-registry', date '2021-12-01' + n % 3
       from generate_series(1, 7) n`,
      [campaignId],
    );
    await pool.end();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = (await body(
        await fetch(
          `${base}/campaigns/${campaignId}/worklists?siteId=LC-SH-M1&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          { headers: manager },
        ),
      )) as unknown as { items: { itemId: string; dueOn: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => `${i.dueOn}/${i.itemId}`));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(seen).toEqual([...seen].sort());
    for (const bad of ['nope!', Buffer.from('[1]').toString('base64url')]) {
      const refused = await fetch(`${base}/campaigns/${campaignId}/worklists?siteId=LC-SH-M1&cursor=${bad}`, {
        headers: manager,
      });
      expect(refused.status).toBe(400);
      expect((await body(refused)).errors).toEqual([
        expect.objectContaining({ field: 'cursor', rule: 'isPageCursor' }),
      ]);
    }
    const imports = await body(await fetch(`${base}/campaigns/imports?limit=1`, { headers: manager }));
    expect(imports).toMatchObject({ imports: [expect.objectContaining({ importId: 'imp-a' })], nextCursor: null });
    const campaigns = await body(await fetch(`${base}/campaigns?limit=1`, { headers: manager }));
    expect(campaigns.campaigns as unknown[]).toHaveLength(1);
    const tooMany = await fetch(`${base}/campaigns/${campaignId}/worklists?siteId=LC-SH-M1&limit=501`, {
      headers: manager,
    });
    expect((await body(tooMany)).errors).toEqual([expect.objectContaining({ field: 'limit', rule: 'max' })]);
  });

  it("lists the campaigns with open work for the caller's own unit only, by the worklists' scope rule", async () => {
    const pool = new Pool({ connectionString: db.url, max: 1 });
    await pool.query(
      `insert into worklist_items (item_id, campaign_id, import_id, row_number, site_id, reason, due_on)
       values ('review-1', $1, 'imp-a', 1, 'LC-SH-M1', 'ambiguous-identity', '2021-12-05')`,
      [campaignId],
    );
    await pool.end();
    const listed = async (headers: Record<string, string>, query = '') => {
      const res = await fetch(`${base}/worklists${query}`, { headers });
      expect(res.status).toBe(200);
      return (await body(res)).campaigns as { campaignId: string; openReviewItems: number }[];
    };
    const site = await listed(as('site-staff', 'site:LC-SH-M1'));
    expect(site).toEqual([
      expect.objectContaining({
        campaignId,
        name: 'Đợt 1',
        status: 'running',
        openReviewItems: 1,
        openWorklistItems: 8,
      }),
    ]);
    expect(await listed(as('site-head', 'site:LC-PT-01'))).toEqual([]);
    expect(await listed(as('manager', 'district:Sìn Hồ'))).toEqual([expect.objectContaining({ campaignId })]);
    expect(await listed(as('manager', 'district:Phong Thổ'))).toEqual([]);
    expect(await listed(manager, '?siteId=LC-SH-M1')).toEqual(site);

    const elsewhere = await fetch(`${base}/worklists?siteId=LC-SH-M1`, { headers: as('site-staff', 'site:LC-PT-01') });
    expect(elsewhere.status).toBe(403);
    expect((await body(elsewhere)).errors).toEqual([expect.objectContaining({ field: 'siteId', rule: 'ownSite' })]);
    for (const [role, scope] of [
      ['citizen', 'person:P1'],
      ['commune-chairman', 'commune:Bản Bo'],
    ])
      expect((await fetch(`${base}/worklists`, { headers: as(role, scope) })).status).toBe(403);
    expect((await fetch(`${base}/worklists`)).status).toBe(401);
  });

  it('lets only the responsible person sign a list, and publishes the signing key', async () => {
    const staff = as('site-staff', 'site:LC-TD-02');
    expect(
      (
        await fetch(`${base}/campaigns/${campaignId}/attestations`, {
          method: 'POST',
          headers: staff,
          body: JSON.stringify({ scope: 'site', unit: 'LC-TD-02' }),
        })
      ).status,
    ).toBe(403);
    const head = as('site-head', 'site:LC-TD-02');
    const empty = await fetch(`${base}/campaigns/${campaignId}/attestations`, {
      method: 'POST',
      headers: head,
      body: JSON.stringify({ scope: 'site', unit: 'LC-TD-02' }),
    });
    expect(empty.status).toBe(422); // nothing of this site is on the records yet
    expect((await body(empty)).errors).toEqual([expect.objectContaining({ field: 'unit', rule: 'hasMatchedDoses' })]);
    const key = await body(await fetch(`${base}/campaigns/attestations/signing-key`, { headers: staff }));
    expect(key).toMatchObject({ development: true, keyId: expect.stringMatching(/^dev-/) });
  });
});
