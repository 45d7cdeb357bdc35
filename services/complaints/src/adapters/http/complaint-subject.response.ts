import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { DOSE_FIELDS, PERSONAL_FIELDS } from '../../domain/complaint-kinds';

// The subject and the correction of a complaint as they were filed and decided (checked by the
// domain's rules first, so what these say is required was always there). Each is one of a few
// shapes, told apart by `type` / `action`.

export class DoseFactsResponse {
  @ApiProperty({ example: 'AZD1222' }) vaccineCode!: string;
  @ApiProperty() lotNumber!: string;
  @ApiProperty({ format: 'date' }) administeredOn!: string;
  @ApiProperty() siteId!: string;
}

/** The facts a citizen claims for a dose: only the fields they said were wrong. */
export class ClaimedDoseFactsResponse {
  @ApiPropertyOptional() vaccineCode?: string;
  @ApiPropertyOptional() lotNumber?: string;
  @ApiPropertyOptional({ format: 'date' }) administeredOn?: string;
  @ApiPropertyOptional() siteId?: string;
}

export class PersonalDetailsSubject {
  @ApiProperty({ enum: ['personal-details'] }) type!: 'personal-details';
  @ApiProperty({ enum: PERSONAL_FIELDS, isArray: true }) fields!: string[];
}

export class MissingDoseSubject {
  @ApiProperty({ enum: ['missing-dose'] }) type!: 'missing-dose';
  @ApiProperty({ type: DoseFactsResponse }) dose!: DoseFactsResponse;
}

export class DoseDetailsSubject {
  @ApiProperty({ enum: ['dose-details'] }) type!: 'dose-details';
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10 }) doseNumber!: number;
  @ApiProperty({ enum: DOSE_FIELDS, isArray: true }) fields!: string[];
  @ApiProperty({ type: ClaimedDoseFactsResponse }) claimed!: ClaimedDoseFactsResponse;
  @ApiProperty() siteId!: string;
}

export class DuplicateRecordSubject {
  @ApiProperty({ enum: ['duplicate-record'] }) type!: 'duplicate-record';
  @ApiProperty({ type: 'integer', isArray: true }) doseNumbers!: number[];
  @ApiProperty() siteId!: string;
}

/** Both ids may be left out by the citizen (or sent as null). */
export class CertificateSubject {
  @ApiProperty({ enum: ['certificate'] }) type!: 'certificate';
  @ApiPropertyOptional({ type: String, nullable: true }) certificateId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) siteId?: string | null;
}

export const SUBJECT_MODELS = [
  PersonalDetailsSubject,
  MissingDoseSubject,
  DoseDetailsSubject,
  DuplicateRecordSubject,
  CertificateSubject,
];

export class CorrectDoseCorrection {
  @ApiProperty({ enum: ['correct-dose'] }) action!: 'correct-dose';
  @ApiProperty({ type: 'integer' }) doseNumber!: number;
  @ApiProperty({ type: DoseFactsResponse }) after!: DoseFactsResponse;
}

export class VoidDoseCorrection {
  @ApiProperty({ enum: ['void-dose'] }) action!: 'void-dose';
  @ApiProperty({ type: 'integer' }) doseNumber!: number;
}

export class RecordDoseCorrection {
  @ApiProperty({ enum: ['record-dose'] }) action!: 'record-dose';
  @ApiProperty({ type: 'integer' }) doseNumber!: number;
  @ApiProperty({ type: DoseFactsResponse }) dose!: DoseFactsResponse;
}

export class NoCorrection {
  @ApiProperty({ enum: ['none'] }) action!: 'none';
}

export const CORRECTION_MODELS = [CorrectDoseCorrection, VoidDoseCorrection, RecordDoseCorrection, NoCorrection];

export const oneOfModels = (models: (new () => unknown)[]) => ({
  oneOf: models.map((m) => ({ $ref: getSchemaPath(m) })),
});
