import { MappingRejected, parseMapping } from '../domain/legacy-row/column-mapping';
import type { CellValue, LegacyRow } from '../domain/legacy-row/legacy-row';
import { HEADERS, context, listRow } from '../domain/legacy-row/legacy-row.spec-fixtures';
import { importLegacyList } from './legacy-import';
import type { ImportStart, LegacyRowSink, RowReportLine } from './ports/legacy-import.port';

const mapping = parseMapping({
  columns: {
    'Họ và tên': 'fullName',
    'Ngày sinh': 'dateOfBirth',
    'Số CCCD/CMND': 'idNumber',
    'Tên vắc xin': 'vaccine',
    'Số lô': 'lotNumber',
    'Ngày tiêm': 'administeredOn',
    'Cơ sở tiêm chủng': 'site',
  },
});

/** Keeps batches in memory; can fail on a given batch, as a database that went away would. */
class MemorySink implements LegacyRowSink {
  batches: LegacyRow[][] = [];
  committedThrough = 0;
  failOnBatch?: number;
  finished = false;
  async begin(_: ImportStart) {
    return { committedThrough: this.committedThrough };
  }
  async write(_: string, rows: LegacyRow[]) {
    if (this.batches.length + 1 === this.failOnBatch) throw new Error('connection lost');
    this.batches.push(rows);
    this.committedThrough = rows[rows.length - 1].rowNumber;
  }
  async finish() {
    this.finished = true;
  }
}

async function* rows(...list: CellValue[][]) {
  yield* list;
}
const run = (sink: LegacyRowSink, report?: (l: RowReportLine) => void) => ({
  importId: 'imp-1',
  sourceName: 'list.csv',
  format: 'csv' as const,
  mapping,
  context,
  batchSize: 2,
  report,
});
const list = () =>
  rows(HEADERS, listRow(), listRow({ 'Họ và tên': '' }), [], listRow({ 'Số CCCD/CMND': '123' }), listRow(), listRow());

describe('importing a list', () => {
  it('writes every row in batches, keeps going past bad rows and reports each row without personal data', async () => {
    const sink = new MemorySink();
    const report: RowReportLine[] = [];
    const summary = await importLegacyList(
      list(),
      sink,
      run(sink, (l) => void report.push(l)),
    );
    expect(sink.batches.map((b) => b.map((r) => r.rowNumber))).toEqual([[2, 3], [5, 6], [7]]); // row 4 was empty
    expect(sink.finished).toBe(true);
    expect(summary).toMatchObject({ rowsRead: 5, accepted: 4, rejected: 1, withoutUsableId: 1, lastRowNumber: 7 });
    expect(summary.problems).toEqual({ 'fullName:required': 1, 'idNumber:format': 1 });
    expect(report[1]).toEqual({ rowNumber: 3, status: 'rejected', idState: 'valid', problems: 'fullName:required' });
    expect(JSON.stringify(report)).not.toMatch(/Lò|012090123456|1990/);
  });

  it('resumes an interrupted import after the last committed batch, writing no row twice', async () => {
    const sink = new MemorySink();
    sink.failOnBatch = 2;
    await expect(importLegacyList(list(), sink, run(sink))).rejects.toThrow('connection lost');
    expect(sink.committedThrough).toBe(3);
    sink.failOnBatch = undefined;
    const summary = await importLegacyList(list(), sink, run(sink));
    expect(summary).toMatchObject({ resumedAfterRow: 3, rowsRead: 3 });
    expect(sink.batches.flat().map((r) => r.rowNumber)).toEqual([2, 3, 5, 6, 7]);
  });

  it('stops before any row when the header row lacks a mapped column', async () => {
    const sink = new MemorySink();
    const headers = HEADERS.map((h) => (h === 'Ngày tiêm' ? 'Ngày' : h));
    await expect(importLegacyList(rows(headers, listRow()), sink, run(sink))).rejects.toBeInstanceOf(MappingRejected);
    expect(sink.batches).toEqual([]);
  });
});
