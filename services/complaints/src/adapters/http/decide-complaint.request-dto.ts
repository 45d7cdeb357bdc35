import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { validationProblem, MultiLine } from '@vax/platform';
import type { DecisionRequest } from '../../application/complaint-requests.service';
import { REJECTION_REASONS, type RejectionReason } from '../../domain/complaint-kinds';
import type { Correction } from '../../domain/complaint-subject';

/** The holder's decision: accept with the correction, reject on a listed ground, or ask the citizen. */
export class DecideComplaintRequest {
  @ApiProperty({ description: 'Client-generated id of this decision' }) @IsUUID() decisionId!: string;
  @ApiProperty({ enum: ['accept', 'reject', 'ask-citizen'] }) @IsIn(['accept', 'reject', 'ask-citizen']) kind!:
    'accept' | 'reject' | 'ask-citizen';

  @ApiPropertyOptional({
    description:
      'accept: correct-dose {doseNumber, after}, void-dose {doseNumber}, record-dose {doseNumber, dose}, none',
    example: {
      action: 'correct-dose',
      doseNumber: 2,
      after: { vaccineCode: 'AZD1222', lotNumber: 'ABV5811', administeredOn: '2021-10-01', siteId: 'LC-TD-01' },
    },
  })
  @IsOptional()
  @IsObject()
  correction?: Correction;

  @ApiPropertyOptional({ enum: REJECTION_REASONS }) @IsOptional() @IsIn(REJECTION_REASONS) reason?: RejectionReason;
  @ApiPropertyOptional({ description: 'For the citizen: why (reject), what was done (accept)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultiLine()
  note?: string;
  @ApiPropertyOptional({ description: 'ask-citizen: what the citizen must send' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultiLine()
  question?: string;

  /** The decision as the workflow takes it; a field its kind needs is refused by name when missing. */
  toDecision(): DecisionRequest {
    const missing = (field: string) =>
      validationProblem([{ field, rule: 'required', message: `is required to ${this.kind.replace('-', ' ')}` }]);
    switch (this.kind) {
      case 'accept':
        if (!this.correction) throw missing('correction');
        return { decisionId: this.decisionId, kind: 'accept', correction: this.correction, note: this.note ?? '' };
      case 'reject':
        if (!this.reason) throw missing('reason');
        return { decisionId: this.decisionId, kind: 'reject', reason: this.reason, note: this.note ?? '' };
      default:
        if (!this.question) throw missing('question');
        return { decisionId: this.decisionId, kind: 'ask-citizen', question: this.question };
    }
  }
}
