import { Body, Controller, Get, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorGuard, Caller, type CallerActor, RequireRoles, keysetPage, answeringRefusals } from '@vax/platform';
import { MergeProposalsService } from '../../application/merge-proposals.service';
import { WorklistService } from '../../application/worklist.service';
import { CorrectRowRequest, MergeDecisionRequest, SitePageRequest, WorklistRequest } from './campaign.request-dto';
import { campaignRefusal, checkSiteAccess } from './campaign-http.problems';
import { SITE_DIRECTORY } from './tokens';
import type { SiteDirectory } from '../../domain/legacy-row/reference-directories';
import { CorrectionResponse, WorklistResponse } from '@vax/contracts/campaign/http-v1.responses';
import { MergeDecisionResponse, MergeProposalsResponse } from './worklists.responses';

const SITE_ROLES = ['site-staff', 'site-head', 'manager'];

/** What the campaign sends back to each site: doubtful rows to correct, probable duplicates to decide. */
@ApiTags('worklists')
@Controller('campaigns/:campaignId')
@UseGuards(ActorGuard)
export class WorklistsHttpController {
  constructor(
    @Inject(WorklistService) private readonly worklists: WorklistService,
    @Inject(MergeProposalsService) private readonly merges: MergeProposalsService,
    @Inject(SITE_DIRECTORY) private readonly sites: SiteDirectory,
  ) {}

  private readonly districtOf = (siteId: string) => this.sites.get(siteId)?.district ?? null;

  @Get('worklists')
  @RequireRoles(...SITE_ROLES)
  @ApiOperation({ summary: "A site's worklist: its rows that did not match, with why and by when" })
  @ApiOkResponse({ type: WorklistResponse, description: "A page of the site's items, by due day" })
  async worklist(@Param('campaignId') campaignId: string, @Query() q: WorklistRequest, @Caller() actor: CallerActor) {
    const siteId = q.siteId ?? null;
    checkSiteAccess(actor, siteId, this.districtOf);
    const page = keysetPage(q, ['string', 'string']);
    const filter = { status: q.status, reason: q.reason };
    return { campaignId, siteId, ...(await this.worklists.forSite(campaignId, siteId, filter, page)) };
  }

  @Post('worklist-items/:itemId/correction')
  @RequireRoles(...SITE_ROLES)
  @ApiOperation({ summary: 'Correct the identity fields of a row; the registry checks it again' })
  @ApiCreatedResponse({ type: CorrectionResponse, description: 'The correction kept; the row is checked again' })
  async correct(
    @Param('campaignId') campaignId: string,
    @Param('itemId') itemId: string,
    @Body() body: CorrectRowRequest,
    @Caller() actor: CallerActor,
  ) {
    const status = await answeringRefusals(campaignRefusal)(() =>
      this.worklists.correct(campaignId, itemId, body, actor),
    );
    return { itemId, status };
  }

  @Get('merge-proposals')
  @RequireRoles(...SITE_ROLES)
  @ApiOperation({ summary: "Probable duplicates among a site's rows, with the evidence" })
  @ApiOkResponse({ type: MergeProposalsResponse, description: "A page of the proposals touching the site's rows" })
  async proposals(@Param('campaignId') campaignId: string, @Query() q: SitePageRequest, @Caller() actor: CallerActor) {
    checkSiteAccess(actor, q.siteId, this.districtOf);
    const { items, nextCursor } = await this.merges.forSite(campaignId, q.siteId, keysetPage(q, ['string']));
    return { campaignId, siteId: q.siteId, proposals: items, nextCursor };
  }

  @Post('merge-proposals/:proposalId/decision')
  @RequireRoles(...SITE_ROLES)
  @ApiOperation({ summary: 'Confirm (one injection entered twice) or reject (two doses) a merge proposal' })
  @ApiCreatedResponse({ type: MergeDecisionResponse, description: 'The decision kept' })
  async decide(
    @Param('campaignId') campaignId: string,
    @Param('proposalId') proposalId: string,
    @Body() body: MergeDecisionRequest,
    @Caller() actor: CallerActor,
  ) {
    const status = await answeringRefusals(campaignRefusal)(() =>
      this.merges.decide(campaignId, proposalId, body.decision, actor),
    );
    return { proposalId, status };
  }
}
