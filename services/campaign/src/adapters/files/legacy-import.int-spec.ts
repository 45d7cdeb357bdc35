import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { migrate } from '@vax/event-sourcing';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { CAMPAIGN_MIGRATIONS } from '../postgres/campaign.migrations';
import { parseMapping } from '../../domain/legacy-row/column-mapping';
import { loadCampaignReference } from '../../reference/reference-data';
import { importFile } from './import-file';
import { PostgresLegacyRowSink } from '../postgres/postgres-row.sink';

const mapping = parseMapping(
  JSON.parse(readFileSync(join(__dirname, '../../../mappings/legacy-list.vi.json'), 'utf8')),
);
const context = { ...loadCampaignReference(), today: '2021-12-01', firstVaccinationDay: '2021-03-01' };
const dir = mkdtempSync(join(tmpdir(), 'campaign-import-'));

describe('importing site lists into PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  const rowsOf = async (importId: string) =>
    (
      await pool.query(
        `select row_number, status, id_state, full_name, date_of_birth::text as dob, gender, id_number, vaccine_code,
           lot_number, administered_on::text as day, dose_number, site_id, problems
         from legacy_rows where import_id = $1 order by row_number`,
        [importId],
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase('campaign_import');
    pool = new Pool({ connectionString: db.url, max: 3 });
    await migrate(pool, CAMPAIGN_MIGRATIONS);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('reads a CSV as sites export it (BOM, semicolons, quoted line breaks, short and long rows) and writes the report', async () => {
    const reportPath = join(dir, 'csv-report.csv');
    const summary = await importFile(pool, join(__dirname, 'fixtures/legacy-list.csv'), {
      importId: 'csv-1',
      mapping,
      context,
      reportPath,
    });
    expect(summary).toMatchObject({ rowsRead: 8, accepted: 6, rejected: 2, lastRowNumber: 9 });
    const rows = await rowsOf('csv-1');
    expect(rows.map((r) => [r.row_number, r.status, r.id_state])).toEqual([
      [2, 'accepted', 'valid'],
      [3, 'accepted', 'valid'],
      [4, 'rejected', 'valid'],
      [5, 'accepted', 'valid'],
      [6, 'rejected', 'missing'],
      [7, 'accepted', 'valid'],
      [8, 'accepted', 'valid'],
      [9, 'accepted', 'missing'],
    ]);
    expect(rows[1]).toMatchObject({
      full_name: 'Giàng Thị Mai',
      dob: '1995-11-30',
      gender: 'female',
      vaccine_code: 'VEROCELL',
      site_id: 'LC-PT-01',
      problems: '',
    });
    expect(rows[3]).toMatchObject({ id_number: '012088555444', dose_number: 2 });
    expect(rows[3].problems.split('|')).toEqual([
      'idNumber:leadingZeroRestored',
      'dateOfBirth:notADate',
      'vaccine:known',
      'lotNumber:required',
      'administeredOn:notADate',
      'site:known',
    ]);
    expect(rows[6]).toMatchObject({
      id_number: '040123456',
      dob: '1999-02-01',
      day: '2021-09-02',
      vaccine_code: 'VEROCELL',
      site_id: 'LC-TD-02',
    });
    const written = readFileSync(reportPath, 'utf8');
    expect(written.startsWith('\uFEFF')).toBe(true); // so Excel reads it as UTF-8
    const report = written.slice(1).trimEnd().split('\r\n');
    expect(report[0]).toBe('row,status,idState,problems');
    expect(report).toHaveLength(9);
    expect(report[3]).toBe('4,rejected,valid,fullName:required');
    expect(readFileSync(reportPath, 'utf8')).not.toMatch(/Hùng|012090123456|1990/);
  });

  it('streams an .xlsx sheet: numbers that lost their zero, date cells, rich text, formulas, gaps; batches commit as they go', async () => {
    const path = join(dir, 'list.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hướng dẫn').addRow(['Điền danh sách ở trang sau']);
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow([
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số CCCD/CMND',
      'Tên vắc xin',
      'Số lô',
      'Ngày tiêm',
      'Mũi tiêm',
      'Nơi tiêm',
    ]);
    sheet.addRow([
      { richText: [{ text: 'Lò ' }, { text: 'Văn Hùng' }] },
      new Date(Date.UTC(1990, 2, 5)),
      'Nam',
      12090123456,
      'AstraZeneca',
      { formula: 'CONCAT("ABV","5811")', result: 'ABV5811' },
      new Date(Date.UTC(2021, 7, 12)),
      1,
      'LC-TD-01',
    ]);
    sheet.addRow([]);
    for (let i = 0; i < 2_500; i++)
      sheet.addRow([
        `Vàng Thị ${String.fromCharCode(65 + (i % 26))}`,
        '05/03/1990',
        'Nữ',
        `0121900${String(i).padStart(5, '0')}`,
        'Vero Cell',
        'L1',
        44450,
        2,
        'Trạm Y tế xã Mường So',
      ]);
    await workbook.xlsx.writeFile(path);

    const summary = await importFile(pool, path, {
      importId: 'xlsx-1',
      mapping: { ...mapping, sheet: 'Danh sách' },
      context,
      batchSize: 1_000,
    });
    expect(summary).toMatchObject({ rowsRead: 2_501, accepted: 2_501, rejected: 0, lastRowNumber: 2_503 });
    const [first, second] = await rowsOf('xlsx-1');
    expect(first).toMatchObject({
      row_number: 2,
      full_name: 'Lò Văn Hùng',
      dob: '1990-03-05',
      id_number: '012090123456',
      lot_number: 'ABV5811',
      day: '2021-08-12',
      problems: 'idNumber:leadingZeroRestored',
    });
    expect(second).toMatchObject({
      row_number: 4,
      day: '2021-09-11',
      vaccine_code: 'VEROCELL',
      site_id: 'LC-PT-01',
      gender: 'female',
      problems: '',
    });
    const { rows } = await pool.query(
      `select committed_through, finished_at from legacy_imports where import_id = 'xlsx-1'`,
    );
    expect(rows[0].committed_through).toBe(2_503);
    expect(rows[0].finished_at).not.toBeNull();
  });

  it('resumes an import run again with the same id after the rows already committed', async () => {
    await importFile(pool, join(__dirname, 'fixtures/legacy-list.csv'), {
      importId: 'csv-2',
      mapping,
      context,
      batchSize: 3,
    });
    await pool.query(`delete from legacy_rows where import_id = 'csv-2' and row_number > 4`);
    await pool.query(`update legacy_imports set committed_through = 4, finished_at = null where import_id = 'csv-2'`);
    const again = await importFile(pool, join(__dirname, 'fixtures/legacy-list.csv'), {
      importId: 'csv-2',
      mapping,
      context,
      batchSize: 3,
    });
    expect(again).toMatchObject({ resumedAfterRow: 4, rowsRead: 5 });
    expect((await rowsOf('csv-2')).map((r) => r.row_number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('commits batches written side by side in order: one after a failed batch never commits', async () => {
    const sink = new PostgresLegacyRowSink(pool);
    await sink.begin({ importId: 'order-1', sourceName: 'a.csv', format: 'csv', mapping });
    const row = (rowNumber: number) =>
      ({ rowNumber, status: 'accepted', idState: 'valid', fullName: 'Lò Văn A', problems: [] }) as never;
    let failFirst!: (error: Error) => void;
    const first = new Promise<void>((_, reject) => (failFirst = reject));
    const second = sink.write('order-1', [row(3), row(4)], first);
    second.catch(() => undefined);
    failFirst(new Error('the batch before failed'));
    await expect(second).rejects.toThrow('the batch before failed');
    expect(await rowsOf('order-1')).toEqual([]);
    const { rows } = await pool.query(`select committed_through from legacy_imports where import_id = 'order-1'`);
    expect(rows[0].committed_through).toBe(0);
  });
});
