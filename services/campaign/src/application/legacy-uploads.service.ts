import type { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import type { ColumnMapping } from '../domain/legacy-row/column-mapping';
import { type MappingChoice, chooseMapping } from '../domain/legacy-row/mapping-choice';
import type { ImportSummary } from './ports/legacy-import.port';
import type { LegacyListReader } from './ports/legacy-list-reader.port';
import type { CampaignReference } from '../reference/reference-data';

export interface UploadRequest {
  format: 'csv' | 'xlsx';
  sourceName: string;
  mapping: ColumnMapping;
  /** Given to resume an interrupted import; a new id otherwise. */
  importId?: string;
}

/** Lists uploaded over HTTP go through the command line's pipeline, into the same tables. */
export class LegacyUploadsService {
  constructor(
    private readonly reader: LegacyListReader,
    private readonly reference: CampaignReference,
    private readonly presets: ReadonlyMap<string, unknown>,
    private readonly settings: { firstVaccinationDay: string; today: () => string },
  ) {}

  presetNames(): string[] {
    return [...this.presets.keys()];
  }

  /** Throws MappingRejected naming the field and rule. */
  mappingFor(choice: MappingChoice): ColumnMapping {
    return chooseMapping(choice, this.presets);
  }

  upload(input: Readable, request: UploadRequest): Promise<ImportSummary> {
    return this.reader.read(input, {
      importId: request.importId ?? `imp-${uuidv7()}`,
      sourceName: request.sourceName,
      format: request.format,
      mapping: request.mapping,
      context: {
        ...this.reference,
        today: this.settings.today(),
        firstVaccinationDay: this.settings.firstVaccinationDay,
      },
    });
  }
}
