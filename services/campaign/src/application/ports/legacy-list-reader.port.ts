import type { Readable } from 'node:stream';
import type { ImportRun } from '../legacy-import';
import type { ImportSummary } from './legacy-import.port';

/**
 * Reads an uploaded list (CSV or Excel, streamed) through the import pipeline into the campaign's
 * tables. An abstract class so that it is also the Nest DI token.
 */
export abstract class LegacyListReader {
  abstract read(input: Readable, run: Omit<ImportRun, 'report'>): Promise<ImportSummary>;
}
