import { Controller, Get, HttpCode, HttpStatus, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorGuard, type Refusal, RequireRoles, refusalProblem } from '@vax/platform';
import type { ReloadOutcome, VerificationReference } from '../../application/verification-reference';
import { ReloadResponse, VerificationReferenceResponse } from './certification.responses';
import { VERIFICATION_REFERENCE } from './verification.http-controller';

/** Which business rules and value sets the verification route holds, and re-reading them without a restart. */
@ApiTags('verification')
@Controller('verification-reference')
@UseGuards(ActorGuard)
export class VerificationReferenceHttpController {
  constructor(@Inject(VERIFICATION_REFERENCE) private readonly reference: VerificationReference) {}

  @Get()
  @ApiOperation({ summary: 'The versions of the rules and value sets in force, and when they were read' })
  @ApiOkResponse({ type: VerificationReferenceResponse })
  current() {
    const { ruleSet, valueSets, loadedAt } = this.reference.current();
    return {
      rules: { version: ruleSet.version, count: ruleSet.rules.length },
      valueSets: { version: valueSets.version, sets: Object.keys(valueSets.codes).length },
      loadedAt,
    };
  }

  @Post('reload')
  @HttpCode(200)
  @RequireRoles('manager', 'system')
  @ApiOperation({
    summary:
      'Re-read the rules and value sets now; a folder that does not read leaves the previous ones in force (422)',
  })
  @ApiOkResponse({ type: ReloadResponse })
  reload() {
    const outcome = this.reference.reload();
    if (!outcome.reloaded) throw refusalProblem(reloadRefusal(outcome));
    return outcome;
  }
}

/** A folder that does not read: the previous rules and value sets stay in force. */
function reloadRefusal(outcome: ReloadOutcome): Refusal {
  return {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'reference-not-reloaded',
    title: 'Rules or value sets not reloaded',
    detail: `the rules ${outcome.rules.version} and value sets ${outcome.valueSets.version} stay in force`,
    errors: [{ field: 'reference', rule: 'readable', message: outcome.problem ?? 'does not read' }],
  };
}
