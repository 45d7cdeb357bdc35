import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE_MIGRATIONS, migrate } from '@vax/event-sourcing';
import { Inbox, MESSAGING_MIGRATIONS } from '@vax/messaging';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { parseMapping } from '../../domain/legacy-row/column-mapping';
import { importFile } from '../files/import-file';
import { loadCampaignReference } from '../../reference/reference-data';
import { BulkAnswersService } from './bulk-answers.service';
import { CAMPAIGN_MIGRATIONS } from './campaign.migrations';
import { CampaignsRepository } from './campaigns.repository';
import { IdentityChoiceService } from '../../application/identity-choice.service';
import { PostgresIdentityChoices } from './identity-choices.table';
import { recountProgress } from './progress.int-spec-fixtures';
import { ProgressQuery } from './progress.query';
import { PROGRESS_WITHOUT_ID_MIGRATION } from './progress-without-id.migration';
import { type RegistryAnswer, VerificationRepository } from './verification.repository';
import { WorklistsRepository } from './worklists.repository';

/*
 * Rows without an ID number are sent to the registry (bulk v2) and counted as it answers them:
 * pending, then matched, to review or not found; invalid only when the registry says so. The
 * migration counts a campaign of before it again; the triggers follow it after.
 */
const mapping = parseMapping(
  JSON.parse(readFileSync(join(__dirname, '../../../mappings/legacy-list.vi.json'), 'utf8')),
);
const context = { ...loadCampaignReference(), today: '2021-12-01', firstVaccinationDay: '2021-03-01' };
const HEADER =
  'STT;Họ và tên;Ngày sinh;Giới tính;Số CCCD/CMND;Số điện thoại;Địa chỉ;Tên vắc xin;Số lô;Ngày tiêm;Mũi tiêm;Cơ sở tiêm chủng';
const SITES = ['LC-TD-01', 'LC-TD-02', 'LC-PT-01', ''];
const NAMES = ['Lò Văn Hùng', 'Lý Văn Tủa', 'Sùng A Páo', 'Vàng A Chứ', 'Tẩn Văn Lìu'];
const TODAY = '2021-12-10';
const staff = (site: string) => ({ id: `staff-${site}`, role: 'site-staff', scope: `site:${site}` });

/** A list as sites keep them, rows of every kind mixed: numbers, none, malformed ones, rows without a name. */
function mixedList(dir: string, rows: number): string {
  const lines = [HEADER];
  for (let n = 1; n <= rows; n++) {
    const id = n % 4 === 0 ? '' : n % 7 === 0 ? '12345' : `012090${100000 + n}`;
    const name = n % 11 === 0 ? '' : NAMES[n % NAMES.length];
    lines.push(`${n};${name};05/03/1990;Nam;${id};;;AstraZeneca;ABV5811;12/08/2021;1;${SITES[n % SITES.length]}`);
  }
  const path = join(dir, 'mixed.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

const candidate = (personId: string) => ({
  personId,
  score: 14.2,
  evidence: {
    idNumber: 'missing' as const,
    fullName: 'exact' as const,
    dateOfBirth: 'exact' as const,
    gender: 'agree' as const,
    place: 'missing' as const,
  },
  fullName: 'Lò Văn Hùng',
  dateOfBirth: '1990-03-05',
  gender: 'male' as const,
});

// As identity would answer (v2): rows with a number by it; rows without one searched, by row number.
const registry = (recordId: string, idNumber: string | undefined): RegistryAnswer => {
  const row = Number(recordId.split(':').pop());
  const base = { recordId, differences: [] };
  if (idNumber && idNumber.length === 12)
    return row % 3 === 0 ? { ...base, result: 'not-found' } : { ...base, result: 'matched', personId: `P${row}` };
  if (row % 3 === 0)
    return { ...base, result: 'ambiguous', candidates: [candidate(`P${row}a`), candidate(`P${row}b`)] };
  // A link without a number is mismatched (idNumber: missing): its site confirms it first.
  return row % 3 === 1
    ? { ...base, result: 'mismatched', personId: `P${row}`, differences: [{ field: 'idNumber', kind: 'missing' }] }
    : { ...base, result: 'invalid-id' };
};

describe('progress of rows without an ID number (campaign-0008)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let verification: VerificationRepository;
  let answers: BulkAnswersService;
  const dir = mkdtempSync(join(tmpdir(), 'campaign-progress-'));
  const progress = (campaignId: string, importId: string) =>
    new ProgressQuery(pool).bySite(campaignId, [importId], TODAY);
  const recount = (campaignId: string, importId: string) => recountProgress(pool, campaignId, [importId], TODAY);

  const campaign = (campaignId: string, importId: string) =>
    new CampaignsRepository(pool).create({
      campaignId,
      name: campaignId,
      importIds: [importId],
      deadline: '2099-12-31',
      worklistDueDays: 7,
      status: 'running',
      createdBy: 'm-1',
    });
  const chunk = (campaignId: string, importId: string, firstRow: number, lastRow: number) => ({
    campaignId,
    importId,
    firstRow,
    lastRow,
    batchId: `${campaignId}:${importId}:${firstRow}`,
  });
  // What the campaign's chunk activity does: the chunk's rows sent, the batch opened; the answers come later.
  const send = async (c: ReturnType<typeof chunk>) => {
    const records = await verification.rowsOfChunk(c);
    await verification.openBatch(c, records.length);
    return records;
  };
  const answer = async (c: ReturnType<typeof chunk>, records: { recordId: string; idNumber?: string }[]) =>
    answers.onCompleted(randomUUID(), {
      batchId: c.batchId,
      results: records.map((r) => registry(r.recordId, r.idNumber)),
    });
  const openWorklists = (campaignId: string, importId: string) =>
    new WorklistsRepository(pool).openForRows(campaignId, [importId], '2021-12-17');
  const reviewItems = async (campaignId: string) =>
    (
      await pool.query(
        `select item_id, site_id, details->'candidates'->0->>'personId' as first from worklist_items
         where campaign_id = $1 and reason = 'ambiguous-identity' and status = 'open' order by item_id`,
        [campaignId],
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase('campaign_progress_without_id');
    pool = new Pool({ connectionString: db.url, max: 4 });
    const before = CAMPAIGN_MIGRATIONS.filter((m) => m !== PROGRESS_WITHOUT_ID_MIGRATION);
    await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...before]);
    verification = new VerificationRepository(pool);
    answers = new BulkAnswersService(new Inbox(pool, 'campaign'), verification);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  }, 30_000);

  it('counts a campaign of before it again from its rows: none of the searched rows stays invalid', async () => {
    const summary = await importFile(pool, mixedList(dir, 60), { importId: 'mixed', mapping, context });
    expect(summary).toMatchObject({ accepted: 55, rejected: 5 });
    await campaign('c1', 'mixed');
    const first = chunk('c1', 'mixed', 2, 31);
    await answer(first, await send(first));
    await send(chunk('c1', 'mixed', 32, 61)); // still waiting for the registry
    await openWorklists('c1', 'mixed');

    // Under 0007, every row without a usable number counted invalid from its import on, and none was pending.
    const total = (m: Map<string | null, Record<string, number>>, c: string) =>
      [...m.values()].reduce((s, v) => s + v[c], 0);
    const before = await pool.query(`select
      (select sum(invalid_state) from progress_import_sites where import_id = 'mixed')
        + (select sum(invalid_id) from progress_sites where campaign_id = 'c1') as invalid,
      (select sum(rows) from progress_pending where campaign_id = 'c1') as pending`);
    const recounted = await recount('c1', 'mixed');
    expect(Number(before.rows[0].invalid)).toBeGreaterThan(total(recounted, 'invalidId'));
    expect(Number(before.rows[0].pending)).toBe(17); // of the 27 accepted rows waiting, those with a number

    await migrate(pool, [PROGRESS_WITHOUT_ID_MIGRATION]);

    const counted = await progress('c1', 'mixed');
    expect(counted).toEqual(await recount('c1', 'mixed'));
    const invalidAnswers = await pool.query(
      `select count(*)::int as n from row_results where campaign_id = 'c1' and result = 'invalid-id'`,
    );
    expect(total(counted, 'invalidId')).toBe(invalidAnswers.rows[0].n);
    expect(total(counted, 'sent')).toBe(55); // every accepted row: 30 answered, the rest pending
  });

  it('follows the campaign on: answers, worklists, a site choosing among the candidates', async () => {
    const second = chunk('c1', 'mixed', 32, 61);
    await answer(second, await verification.rowsOfChunk(second));
    expect(await progress('c1', 'mixed')).toEqual(await recount('c1', 'mixed'));
    await openWorklists('c1', 'mixed');
    expect(await progress('c1', 'mixed')).toEqual(await recount('c1', 'mixed'));
    const [item] = await reviewItems('c1');
    await new IdentityChoiceService(new PostgresIdentityChoices(pool), async () => undefined).choose(
      'c1',
      item.item_id,
      { decision: 'same-person', personId: item.first },
      staff(item.site_id),
    );
    expect(await progress('c1', 'mixed')).toEqual(await recount('c1', 'mixed'));
  });

  it('counts one row without an ID number as pending, then to review, then matched: never invalid', async () => {
    const path = join(dir, 'one.csv');
    writeFileSync(path, `${HEADER}\r\n1;Lò Văn Hùng;05/03/1990;Nam;;;;AstraZeneca;ABV5811;12/08/2021;1;LC-TD-01\r\n`);
    await importFile(pool, path, { importId: 'one', mapping, context });
    await campaign('c2', 'one');
    const counts = async () => {
      const bySite = await progress('c2', 'one');
      expect(bySite).toEqual(await recount('c2', 'one'));
      const { rows, sent, matched, invalidId, worklistOpen } = bySite.get('LC-TD-01')!;
      return { rows, sent, matched, invalidId, worklistOpen };
    };
    expect(await counts()).toEqual({ rows: 1, sent: 0, matched: 0, invalidId: 0, worklistOpen: 0 });

    const c = chunk('c2', 'one', 2, 2);
    const records = await send(c);
    expect(records).toEqual([expect.objectContaining({ recordId: 'one:2', fullName: 'Lò Văn Hùng' })]);
    expect(records[0].idNumber).toBeUndefined();
    expect(await counts()).toEqual({ rows: 1, sent: 1, matched: 0, invalidId: 0, worklistOpen: 0 }); // pending

    await answers.onCompleted(randomUUID(), {
      batchId: c.batchId,
      results: [
        { recordId: 'one:2', result: 'ambiguous', differences: [], candidates: [candidate('P7'), candidate('P8')] },
      ],
    });
    await openWorklists('c2', 'one');
    expect(await counts()).toEqual({ rows: 1, sent: 1, matched: 0, invalidId: 0, worklistOpen: 1 }); // to review

    const [item] = await reviewItems('c2');
    await new IdentityChoiceService(new PostgresIdentityChoices(pool), async () => undefined).choose(
      'c2',
      item.item_id,
      { decision: 'same-person', personId: 'P8' },
      staff('LC-TD-01'),
    );
    expect(await counts()).toEqual({ rows: 1, sent: 1, matched: 1, invalidId: 0, worklistOpen: 0 });
  });
});
