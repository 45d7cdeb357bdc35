import type { Readable } from 'node:stream';
import type { Pool } from 'pg';
import type { ImportRun } from '../../application/legacy-import';
import type { ImportSummary } from '../../application/ports/legacy-import.port';
import { LegacyListReader } from '../../application/ports/legacy-list-reader.port';
import { importStream } from './import-stream';

/** The list parsed as it streams in (CSV or XLSX), its rows written to PostgreSQL as they come. */
export class StreamedListReader extends LegacyListReader {
  constructor(private readonly pool: Pool) {
    super();
  }

  read(input: Readable, run: Omit<ImportRun, 'report'>): Promise<ImportSummary> {
    return importStream(this.pool, input, run);
  }
}
