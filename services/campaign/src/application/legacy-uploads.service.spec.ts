import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseMapping } from '../domain/legacy-row/column-mapping';
import { loadCampaignReference } from '../reference/reference-data';
import { LegacyUploadsService } from './legacy-uploads.service';
import type { ImportRun } from './legacy-import';
import type { ImportSummary } from './ports/legacy-import.port';
import { LegacyListReader } from './ports/legacy-list-reader.port';

class RecordingReader extends LegacyListReader {
  readonly runs: Omit<ImportRun, 'report'>[] = [];
  async read(_input: Readable, run: Omit<ImportRun, 'report'>): Promise<ImportSummary> {
    this.runs.push(run);
    return { importId: run.importId } as ImportSummary;
  }
}

const mapping = parseMapping(JSON.parse(readFileSync(join(__dirname, '../../mappings/legacy-list.vi.json'), 'utf8')));
const reference = loadCampaignReference();
const service = (reader: LegacyListReader) =>
  new LegacyUploadsService(reader, reference, new Map([['legacy-list.vi', mapping]]), {
    firstVaccinationDay: '2021-03-08',
    today: () => '2026-12-07',
  });

describe('LegacyUploadsService (through its list reader port)', () => {
  it("runs the upload through the reader with the mapping, a new import id and the day's validation context", async () => {
    const reader = new RecordingReader();
    const summary = await service(reader).upload(Readable.from([]), { format: 'csv', sourceName: 'ds.csv', mapping });
    expect(reader.runs).toHaveLength(1);
    const [run] = reader.runs;
    expect(run).toMatchObject({ sourceName: 'ds.csv', format: 'csv', mapping });
    expect(run.importId).toMatch(/^imp-[0-9a-f-]{36}$/);
    expect(run.context).toMatchObject({
      today: '2026-12-07',
      firstVaccinationDay: '2021-03-08',
      sites: reference.sites,
    });
    expect(summary.importId).toBe(run.importId);
  });

  it('resumes an interrupted import under its own id', async () => {
    const reader = new RecordingReader();
    await service(reader).upload(Readable.from([]), {
      format: 'xlsx',
      sourceName: 'ds.xlsx',
      mapping,
      importId: 'imp-1',
    });
    expect(reader.runs[0].importId).toBe('imp-1');
  });

  it('offers its presets and refuses a request naming both a preset and a mapping', () => {
    const uploads = service(new RecordingReader());
    expect(uploads.presetNames()).toEqual(['legacy-list.vi']);
    expect(() => uploads.mappingFor({ preset: 'legacy-list.vi', mapping: '{}' })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ field: 'mapping', rule: 'oneOf' })] }),
    );
  });
});
