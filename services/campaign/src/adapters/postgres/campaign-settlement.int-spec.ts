import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { MockActivityEnvironment } from '@temporalio/testing';
import { migrate, EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS, Inbox } from '@vax/messaging';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import type { CampaignActivities } from '../../activities/campaign.activities';
import { parseMapping } from '../../domain/legacy-row/column-mapping';
import { importFile } from '../files/import-file';
import { loadCampaignReference } from '../../reference/reference-data';
import { campaignActivitiesOn } from '../../worker/campaign-activities.factory';
import { CAMPAIGN_MIGRATIONS } from './campaign.migrations';
import { FakeIdentityOverSink } from './campaign.int-spec-fixtures';
import { CampaignsRepository } from './campaigns.repository';
import { DoseOutcomesService } from './dose-outcomes.service';
import { DoseQueueRepository } from './dose-queue.repository';
import { ListAttestationService } from '../../application/list-attestation.service';
import { PostgresMatchedDoses } from './matched-doses.table';
import { ListSigner } from '@vax/platform';
import { MergeProposalsService } from '../../application/merge-proposals.service';
import { PostgresMergeProposals } from './merge-proposals.table';
import { WorklistService } from '../../application/worklist.service';
import { PostgresWorklistItems } from './worklist-items.table';
import { IdentityChoiceService } from '../../application/identity-choice.service';
import { PostgresIdentityChoices } from './identity-choices.table';
import { WorklistsRepository } from './worklists.repository';
import { generateKeyPairSync } from 'node:crypto';
import { classifyRow, worklistReason } from '../../domain/classification/row-class';
import { parseProblemText } from '../../domain/legacy-row/legacy-row';
import { rollUp } from '../../domain/progress/campaign-progress';
import { ProgressQuery } from './progress.query';

const reference = loadCampaignReference();
const mapping = parseMapping(
  JSON.parse(readFileSync(join(__dirname, '../../../mappings/legacy-list.vi.json'), 'utf8')),
);
const chunk = { campaignId: 'cmp-t', batchId: 'cmp-t:csv:0', importId: 'csv', firstRow: 2, lastRow: 9 };
const candidate = (personId: string, score: number) => ({
  personId,
  score,
  evidence: {
    idNumber: 'missing' as const,
    fullName: 'exact' as const,
    dateOfBirth: 'exact' as const,
    gender: 'agree' as const,
    place: 'missing' as const,
  },
  fullName: 'Chảo Thị Xuân',
  dateOfBirth: personId === 'P5' ? '2001-12-12' : '2001-12-21',
  gender: 'female' as const,
  district: 'Sìn Hồ',
});
// The registry as the fake identity knows it: by ID number, a corrected birth date that now matches,
// and a row without a number searched by name and birth year: two namesakes, neither clearly best.
const registry = (r: { idNumber?: string; dateOfBirth?: string; fullName: string }) =>
  !r.idNumber && r.fullName === 'Chảo Thị Xuân'
    ? { result: 'ambiguous' as const, candidates: [candidate('P5', 14.2), candidate('P6', 14.2)] }
    : !r.idNumber
      ? { result: 'invalid-id' as const }
      : r.idNumber === '012090123456'
        ? { result: 'matched' as const, personId: 'P1' }
        : r.idNumber === '040123456'
          ? { result: 'matched' as const, personId: 'P3' }
          : r.idNumber === '012195000111' && r.dateOfBirth === '1995-11-03'
            ? { result: 'matched' as const, personId: 'P2' }
            : r.idNumber === '012195000111'
              ? {
                  result: 'mismatched' as const,
                  personId: 'P2',
                  differences: [{ field: 'dateOfBirth', kind: 'day-month-swapped' }],
                }
              : { result: 'not-found' as const };

describe('a campaign over a real database: verify, propose merges, record, send back, correct, attest', () => {
  let db: TestDatabase;
  let pool: Pool;
  let sink: FakeIdentityOverSink;
  let activities: CampaignActivities;
  const run = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, ...args: A) =>
    new MockActivityEnvironment().run(fn, ...args);
  const signals: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('campaign_settle');
    pool = new Pool({ connectionString: db.url, max: 5 });
    pool.on('error', () => undefined); // an idle client cut off by the server is replaced; pg asks for a listener
    await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...CAMPAIGN_MIGRATIONS]);
    await importFile(pool, join(__dirname, '../files/fixtures/legacy-list.csv'), {
      importId: 'csv',
      mapping,
      context: { ...reference, today: '2021-12-01', firstVaccinationDay: '2021-03-01' },
    });
    await new CampaignsRepository(pool).create({
      campaignId: 'cmp-t',
      name: 'Test',
      importIds: ['csv'],
      deadline: '2099-12-31',
      worklistDueDays: 7,
      status: 'running',
      createdBy: 'm-1',
    });
    sink = new FakeIdentityOverSink(pool, registry);
    activities = campaignActivitiesOn(pool, sink, { pollEveryMs: 20, resendAfterMs: 60_000, dosePageSize: 1 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  }, 30_000); // dropping a database waits for its checkpoint: seconds on a busy machine

  it('verifies a chunk once, waiting for the answers stored by the consumer, and counts every class', async () => {
    const outcome = await run(activities.verifyChunk, chunk);
    expect(outcome).toEqual({
      sent: 6,
      matched: 3,
      mismatched: 1,
      notFound: 1,
      ambiguous: 1,
      invalidId: 0,
      rejected: 2,
    });
    // The row without an ID number is sent too, to be searched by its name and birth date.
    expect(sink.requests[0].records.map((r) => r.recordId)).toEqual([
      'csv:2',
      'csv:3',
      'csv:5',
      'csv:7',
      'csv:8',
      'csv:9',
    ]);
    expect(sink.requests[0].records[5]).toEqual({
      recordId: 'csv:9',
      fullName: 'Chảo Thị Xuân',
      dateOfBirth: '2001-12-12',
    });
    await run(activities.verifyChunk, chunk); // the answers are there: nothing is sent again
    expect(sink.requests).toHaveLength(1);
  });

  it('proposes the injection entered at two sites as a merge, and holds both rows back from the records', async () => {
    expect(await run(activities.proposeMerges, 'cmp-t')).toBe(1);
    expect(await run(activities.proposeMerges, 'cmp-t')).toBe(0);
    expect(await run(activities.sendMatchedDoses, 'cmp-t')).toBe(1);
    expect(sink.doses).toEqual([
      {
        doseId: 'legacy:cmp-t:csv:8',
        campaignId: 'cmp-t',
        personId: 'P3',
        verificationId: 'cmp-t:csv:0',
        vaccineCode: 'VEROCELL',
        lotNumber: 'X1',
        administeredOn: '2021-09-02',
        siteId: 'LC-TD-02',
        statedDoseNumber: 1,
      },
    ]);
  });

  it('sends doubtful rows back to their sites with a due date, as the domain classes them', async () => {
    expect(await run(activities.openWorklists, 'cmp-t')).toBe(5);
    const { rows } = await pool.query(
      `select row_number, site_id, reason, status from worklist_items order by row_number`,
    );
    expect(rows.map((r) => [r.row_number, r.site_id, r.reason])).toEqual([
      [3, 'LC-PT-01', 'identity-mismatch'],
      [4, 'LC-TD-01', 'unusable-row'],
      [5, null, 'not-in-registry'],
      [6, null, 'unusable-row'],
      [9, null, 'ambiguous-identity'],
    ]);
    expect(await run(activities.openWorklists, 'cmp-t')).toBe(0);
  });

  it('records the kept row once the site confirms the merge; the duplicate never reaches the records', async () => {
    const merges = new MergeProposalsService(new PostgresMergeProposals(pool), async (id) => signals.push(id));
    const {
      items: [proposal],
    } = await merges.forSite('cmp-t', 'LC-TD-02');
    expect(proposal.evidence).toContainEqual({ kind: 'site', same: false });
    await merges.decide('cmp-t', proposal.proposalId, 'confirm', {
      id: 's-2',
      role: 'site-staff',
      scope: 'site:LC-TD-02',
    });
    expect(await run(activities.sendMatchedDoses, 'cmp-t')).toBe(1);
    expect(sink.doses.map((d) => d.doseId)).toEqual(['legacy:cmp-t:csv:8', 'legacy:cmp-t:csv:2']);
    expect(signals).toEqual(['cmp-t']);
  });

  it("checks a site's correction again with the registry, resolving the item and recording the dose", async () => {
    const worklists = new WorklistService(new PostgresWorklistItems(pool), async (id) => signals.push(id));
    const {
      items: [item],
    } = await worklists.forSite('cmp-t', 'LC-PT-01');
    expect(item).toMatchObject({
      reason: 'identity-mismatch',
      rowNumber: 3,
      details: { differences: [{ field: 'dateOfBirth', kind: 'day-month-swapped' }] },
    });
    await worklists.correct(
      'cmp-t',
      item.itemId,
      { dateOfBirth: '1995-11-03' },
      { id: 's-3', role: 'site-staff', scope: 'site:LC-PT-01' },
    );
    expect(await run(activities.recheckCorrections, 'cmp-t', 1)).toEqual({ rechecked: 1 });
    expect((await worklists.forSite('cmp-t', 'LC-PT-01')).items[0].status).toBe('resolved');
    expect(await run(activities.sendMatchedDoses, 'cmp-t')).toBe(1);
  });

  it('puts a row to review in its worklist with its candidates, and records the choice among them', async () => {
    const itemOf = async () =>
      (
        await pool.query(
          `select w.item_id, w.status, w.details, l.full_name from worklist_items w
           join legacy_rows l using (import_id, row_number) where w.reason = 'ambiguous-identity'`,
        )
      ).rows;
    const [item] = await itemOf();
    expect(item).toMatchObject({ status: 'open', full_name: 'Chảo Thị Xuân' });
    expect(item.details.candidates).toEqual([candidate('P5', 14.2), candidate('P6', 14.2)]);
    // The site's rows to review alone, among its other items (the portal's review page asks so).
    const worklists = new WorklistService(new PostgresWorklistItems(pool), async () => undefined);
    expect((await worklists.forSite('cmp-t', null)).items.length).toBeGreaterThan(1);
    const toReview = await worklists.forSite('cmp-t', null, { reason: 'ambiguous-identity' });
    expect(toReview.items.map((i) => [i.itemId, i.reason])).toEqual([[item.item_id, 'ambiguous-identity']]);
    const choices = new IdentityChoiceService(new PostgresIdentityChoices(pool), async (id) => signals.push(id));
    const manager = { id: 'm-1', role: 'manager', scope: 'province:LC' };
    await expect(
      choices.choose('cmp-t', item.item_id, { decision: 'same-person', personId: 'P9' }, manager),
    ).rejects.toMatchObject({ field: 'personId', rule: 'candidate' });
    const staff = { id: 's-1', role: 'site-staff', scope: 'site:LC-TD-01' };
    await expect(choices.choose('cmp-t', item.item_id, { decision: 'none-of-them' }, staff)).rejects.toMatchObject({
      rule: 'ownSite',
    });
    expect(await choices.choose('cmp-t', item.item_id, { decision: 'same-person', personId: 'P6' }, manager)).toBe(
      'resolved',
    );
    const [after] = await itemOf();
    expect(after.status).toBe('resolved');
    expect(after.details.choice).toMatchObject({ decision: 'same-person', personId: 'P6', by: 'm-1' });
    expect(after.details.candidates).toHaveLength(2);
    const linked = await pool.query(
      `select result, person_id from row_results where campaign_id = 'cmp-t' and import_id = 'csv' and row_number = 9`,
    );
    expect(linked.rows).toEqual([{ result: 'matched', person_id: 'P6' }]);
    expect(signals.at(-1)).toBe('cmp-t');
    // The round the signal starts: now a match, the row's dose facts (the list cut it short) go back to fix.
    expect(await run(activities.openWorklists, 'cmp-t')).toBe(1);
    const facts = await pool.query(`select reason from worklist_items where row_number = 9 and status = 'open'`);
    expect(facts.rows).toEqual([{ reason: 'dose-facts' }]);
  });

  it("takes injections' answers, sends refused doses back, and lets the site's head sign what is on the records", async () => {
    const outcomes = new DoseOutcomesService(
      new Inbox(pool, 'campaign'),
      new DoseQueueRepository(pool),
      new WorklistsRepository(pool),
      () => '2021-12-01',
    );
    await outcomes.onImported('7f1c4b2e-0000-4000-8000-000000000001', {
      doseId: 'legacy:cmp-t:csv:8',
      campaignId: 'cmp-t',
      personId: 'P3',
      outcome: 'recorded',
      doseNumber: 1,
    });
    await outcomes.onRefused('7f1c4b2e-0000-4000-8000-000000000002', {
      doseId: 'legacy:cmp-t:csv:2',
      campaignId: 'cmp-t',
      personId: 'P1',
      problems: [{ field: 'administeredOn', rule: 'afterLastDose', message: 'is before' }],
    });
    const refused = await pool.query(
      `select site_id, reason, due_on::text from worklist_items where reason = 'dose-refused'`,
    );
    expect(refused.rows).toEqual([{ site_id: 'LC-TD-01', reason: 'dose-refused', due_on: '2021-12-08' }]);

    const signer = new ListSigner(generateKeyPairSync('ed25519').privateKey, true);
    const attestations = new ListAttestationService(
      new PostgresEventStore(pool),
      new PostgresMatchedDoses(pool),
      reference.sites,
      signer,
    );
    const head = { id: 'head-2', role: 'site-head', scope: 'site:LC-TD-02' };
    const signed = await attestations.attest('cmp-t', 'site', 'LC-TD-02', head, 'corr');
    expect(signed.entries.map((e) => e.doseId)).toEqual(['legacy:cmp-t:csv:8']);
    await expect(attestations.attest('cmp-t', 'site', 'LC-TD-02', head, 'corr')).rejects.toThrow(
      'no matched dose is left to attest',
    );
    const [view] = await attestations.ofCommune('cmp-t', 'Thị trấn Tam Đường');
    expect(view.signatureValid).toBe(true);
  });

  it('sorts rows into worklists in SQL exactly as the domain classes them', async () => {
    const { rows } = await pool.query(
      `select l.status, l.id_state, l.problems, r.result, w.reason from legacy_rows l
       left join row_results r on r.campaign_id = 'cmp-t' and r.import_id = l.import_id and r.row_number = l.row_number
       left join worklist_items w on w.import_id = l.import_id and w.row_number = l.row_number
         and w.reason <> 'dose-refused' and w.status <> 'resolved'
       where l.import_id = 'csv'`,
    );
    for (const r of rows) {
      const rowClass = classifyRow(
        { status: r.status, idState: r.id_state },
        r.result ? { result: r.result, differences: [] } : undefined,
      );
      expect([r.reason ?? undefined]).toEqual([worklistReason(rowClass, r.id_state, parseProblemText(r.problems))]);
    }
  });

  it('counts progress by district against what happened to each row', async () => {
    const bySite = await new ProgressQuery(pool).bySite('cmp-t', ['csv'], '2021-12-01');
    const [unknown, phongTho, tamDuong] = rollUp(bySite, reference.sites, 'district');
    expect(unknown).toMatchObject({
      key: '(no known site)',
      rows: 3,
      sent: 2, // the row without an ID number is sent too (ADR 14)
      notFound: 1,
      invalidId: 0, // and counted as the registry answered it (to review), not as invalid
      rejected: 1,
      worklistOpen: 3,
    });
    expect(phongTho).toMatchObject({ key: 'Phong Thổ', rows: 1, matched: 1, corrected: 1, worklistOpen: 0 });
    expect(tamDuong).toMatchObject({
      key: 'Tam Đường',
      rows: 4,
      sent: 3,
      matched: 3,
      duplicates: 1,
      recorded: 1,
      attested: 1,
      rejected: 1,
    });
  });
  it('fails for good at once what retrying cannot mend: a campaign gone, a value the database refuses', async () => {
    await expect(run(activities.openWorklists, 'no-such-campaign')).rejects.toMatchObject({
      nonRetryable: true,
      type: 'CampaignMissing',
    });
    // PostgreSQL refuses NUL in text (22021): the same argument would fail the same way on every retry.
    await expect(run(activities.describeCampaign, 'cmp-t\u0000')).rejects.toMatchObject({
      nonRetryable: true,
      type: expect.stringMatching(/^Deterministic:.*:22021$/),
    });
  });
});
