import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { defineContract } from '../contract';
import { IsReference } from '../common.v1';
import { DoseDetails } from './injections-events.v1';

/**
 * Topic injections.corrections.v1: changes to a record that a complaint's handling asks injections
 * to make. Injections owns the topic and the rules: it answers on injections.events.v1 with
 * DoseCorrected / DoseVoided / DoseRecorded carrying the complaint id, or CorrectionRefused with the
 * reasons. `commandId` makes a command delivered twice apply once.
 */

class CorrectionCommandV1 {
  @IsReference() commandId!: string;
  @IsReference() complaintId!: string;
  @IsReference() personId!: string;
  @IsString() @MinLength(10) @MaxLength(500) reason!: string;
  /** The site staff who accepted the complaint. */
  @IsReference() requestedBy!: string;
}

/** The dose's details are wrong (vaccine, lot, date, site): replace them. */
export class CorrectDoseCommand extends CorrectionCommandV1 {
  @IsInt() @Min(1) @Max(10) doseNumber!: number;
  @ValidateNested() @Type(() => DoseDetails) after!: DoseDetails;
}

/** The dose was never given to this person (a duplicate entry, the wrong person). */
export class VoidDoseCommand extends CorrectionCommandV1 {
  @IsInt() @Min(1) @Max(10) doseNumber!: number;
}

/** A dose the person received is missing from the record: add it (its number follows the record). */
export class AddMissingDoseCommand extends CorrectionCommandV1 {
  /** The number the citizen states; the record numbers the dose itself, in the order doses were given. */
  @ValidateNested() @Type(() => DoseDetails) dose!: DoseDetails;
  /** The complaint's identity check of the person (identity.events.v1). */
  @IsReference() verificationId!: string;
}

export const InjectionsCorrectionsV1 = defineContract('injections.corrections.v1', {
  CorrectDose: CorrectDoseCommand,
  VoidDose: VoidDoseCommand,
  AddMissingDose: AddMissingDoseCommand,
});
