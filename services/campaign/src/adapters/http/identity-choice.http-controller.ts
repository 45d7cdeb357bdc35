import { Body, Controller, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorGuard, Caller, type CallerActor, RequireRoles, answeringRefusals } from '@vax/platform';
import { IdentityChoiceService } from '../../application/identity-choice.service';
import type { IdentityChoice } from '../../domain/worklists/identity-choice';
import { ChooseIdentityRequest } from './choose-identity.request-dto';
import { campaignRefusal } from './campaign-http.problems';
import { CorrectionResponse } from '@vax/contracts/campaign/http-v1.responses';

/**
 * A row to review (reason `ambiguous-identity`) lists the registry's candidates beside the row in its
 * site's worklist (GET …/worklists, `details.candidates`); the site says which of them it is.
 */
@ApiTags('worklists')
@Controller('campaigns/:campaignId')
@UseGuards(ActorGuard)
export class IdentityChoiceHttpController {
  constructor(@Inject(IdentityChoiceService) private readonly choices: IdentityChoiceService) {}

  @Post('worklist-items/:itemId/identity-choice')
  @RequireRoles('site-staff', 'site-head', 'manager')
  @ApiOperation({ summary: 'Say which candidate a row to review is, or none of them; the choice is recorded' })
  @ApiCreatedResponse({ type: CorrectionResponse, description: 'The choice kept: resolved, or still open' })
  async choose(
    @Param('campaignId') campaignId: string,
    @Param('itemId') itemId: string,
    @Body() body: ChooseIdentityRequest,
    @Caller() actor: CallerActor,
  ) {
    const choice: IdentityChoice =
      body.decision === 'same-person'
        ? { decision: 'same-person', personId: body.personId! }
        : { decision: 'none-of-them' };
    const status = await answeringRefusals(campaignRefusal)(() =>
      this.choices.choose(campaignId, itemId, choice, actor),
    );
    return { itemId, status };
  }
}
