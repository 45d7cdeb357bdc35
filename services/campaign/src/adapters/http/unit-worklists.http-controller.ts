import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActorGuard,
  Caller,
  type CallerActor,
  RequireRoles,
  answeringRefusals,
  figuresWithin,
  keysetPage,
} from '@vax/platform';
import { UnitWorklistsResponse } from '@vax/contracts/campaign/http-v1.responses';
import { UnitWorklistsService } from '../../application/unit-worklists.service';
import { UnitWorklistsRequest } from './campaign.request-dto';
import { campaignRefusal } from './campaign-http.problems';

/**
 * Which campaigns have work open for the caller's unit, so site staff pick one instead of typing
 * its id. The unit comes from the caller's token, never from the query; a siteId only narrows it.
 */
@ApiTags('worklists')
@Controller('worklists')
@UseGuards(ActorGuard)
export class UnitWorklistsHttpController {
  constructor(@Inject(UnitWorklistsService) private readonly worklists: UnitWorklistsService) {}

  @Get()
  @RequireRoles('site-staff', 'site-head', 'manager')
  @ApiOperation({ summary: "The campaigns with open worklist items (and rows to review) for the caller's unit" })
  @ApiOkResponse({ type: UnitWorklistsResponse, description: 'A page of campaigns, newest first, with open counts' })
  async list(@Query() q: UnitWorklistsRequest, @Caller() actor: CallerActor) {
    const page = keysetPage(q, ['string', 'string']);
    const { items, nextCursor } = await answeringRefusals(campaignRefusal)(() =>
      this.worklists.forCaller(figuresWithin(actor), q.siteId, page),
    );
    return { campaigns: items, nextCursor };
  }
}
