import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActorGuard,
  Caller,
  type CallerActor,
  JsonOrCsvResponse,
  PageRequest,
  RequireRoles,
  csvDocument,
  keysetPage,
  vietnamToday,
  answeringRefusals,
} from '@vax/platform';
import {
  CampaignProgressResponse,
  CampaignResponse,
  CampaignStatusResponse,
  CampaignsResponse,
  SteerResponse,
} from '@vax/contracts/campaign/http-v1.responses';
import type { Response } from 'express';
import { CampaignService } from '../../application/campaign.service';
import { ProgressQuery } from '../postgres/progress.query';
import { PROGRESS_COUNTERS, daysLeft, rollUp } from '../../domain/progress/campaign-progress';
import type { SiteDirectory } from '../../domain/legacy-row/reference-directories';
import { SITE_DIRECTORY } from './tokens';
import { CancelCampaignRequest, ProgressRequest, StartCampaignRequest } from './campaign.request-dto';
import { campaignRefusal, notFound } from './campaign-http.problems';

const STEERED = { type: SteerResponse, description: "The request is handed to the campaign's workflow" };

/** Managers start campaigns, steer them and follow their progress against the deadline. */
@ApiTags('campaigns')
@Controller('campaigns')
@UseGuards(ActorGuard)
export class CampaignsHttpController {
  constructor(
    @Inject(CampaignService) private readonly campaigns: CampaignService,
    @Inject(ProgressQuery) private readonly progress: ProgressQuery,
    @Inject(SITE_DIRECTORY) private readonly sites: SiteDirectory,
  ) {}

  @Post()
  @RequireRoles('manager')
  @ApiOperation({
    summary: 'Start a campaign over imported lists: verified in bulk, then followed up until the deadline',
  })
  @ApiCreatedResponse({ type: CampaignResponse, description: 'The campaign started' })
  start(@Body() body: StartCampaignRequest, @Caller() actor: CallerActor) {
    return answeringRefusals(campaignRefusal)(() => this.campaigns.start(body, actor));
  }

  @Get()
  @RequireRoles('manager')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Campaigns, newest first: name, state, deadline and days left, rows of their lists' })
  @ApiOkResponse({ type: CampaignsResponse, description: 'A page of them, newest first' })
  async list(@Query() q: PageRequest) {
    const today = vietnamToday();
    const { items, nextCursor } = await this.campaigns.list(keysetPage(q, ['string', 'string']));
    return { campaigns: items.map((c) => ({ ...c, daysLeft: daysLeft(today, c.deadline) })), nextCursor };
  }

  @Get(':campaignId')
  @RequireRoles('manager')
  @ApiOperation({ summary: "A campaign and its workflow's live progress" })
  @ApiOkResponse({
    type: CampaignStatusResponse,
    description: 'The campaign, and its progress when its workflow answers',
  })
  async status(@Param('campaignId') campaignId: string) {
    return (await this.campaigns.status(campaignId)) ?? Promise.reject(notFound(`campaign ${campaignId}`));
  }

  @Post(':campaignId/pause')
  @HttpCode(202)
  @RequireRoles('manager')
  @ApiOperation({ summary: 'Hold new work back: chunks in flight finish, no new one starts' })
  @ApiAcceptedResponse(STEERED)
  pause(@Param('campaignId') campaignId: string) {
    return this.steer(campaignId, 'pause');
  }

  @Post(':campaignId/resume')
  @HttpCode(202)
  @RequireRoles('manager')
  @ApiOperation({ summary: 'Let a paused campaign go on' })
  @ApiAcceptedResponse(STEERED)
  resume(@Param('campaignId') campaignId: string) {
    return this.steer(campaignId, 'resume');
  }

  @Post(':campaignId/retry')
  @HttpCode(202)
  @RequireRoles('manager')
  @ApiOperation({
    summary: 'Run again the step that failed for good (progress.attention), after mending what made it fail',
  })
  @ApiAcceptedResponse(STEERED)
  retry(@Param('campaignId') campaignId: string) {
    return this.steer(campaignId, 'retry');
  }

  @Post(':campaignId/cancel')
  @HttpCode(202)
  @RequireRoles('manager')
  @ApiOperation({ summary: 'Stop the campaign: chunks in flight finish, nothing new starts' })
  @ApiAcceptedResponse(STEERED)
  async cancel(@Param('campaignId') campaignId: string, @Body() body: CancelCampaignRequest) {
    if (!(await this.campaigns.signal(campaignId, 'cancel', body.reason))) throw notFound(`campaign ${campaignId}`);
    return { campaignId, requested: 'cancel' };
  }

  @Get(':campaignId/progress')
  @RequireRoles('manager')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Sent, matched, mismatched, not found, corrected, attested… by district, commune or site; JSON or CSV',
  })
  @JsonOrCsvResponse(CampaignProgressResponse, 'One row per unit: JSON, or CSV with format=csv')
  async byUnit(
    @Param('campaignId') campaignId: string,
    @Query() q: ProgressRequest,
    @Caller() actor: CallerActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const campaign = await this.campaigns.find(campaignId);
    if (!campaign) throw notFound(`campaign ${campaignId}`);
    const today = vietnamToday();
    const bySite = await this.progress.bySite(campaignId, campaign.importIds, today);
    // A district's manager sees their district; province managers see all of it.
    const district = actor.scope.startsWith('district:') ? actor.scope.slice('district:'.length) : undefined;
    if (district)
      for (const siteId of bySite.keys())
        if (!siteId || this.sites.get(siteId)?.district !== district) bySite.delete(siteId);
    const rows = rollUp(bySite, this.sites, q.groupBy);
    const header = {
      campaignId,
      deadline: campaign.deadline,
      daysLeft: daysLeft(today, campaign.deadline),
      status: campaign.status,
    };
    if (q.format !== 'csv') return { ...header, groupBy: q.groupBy, rows };
    res.type('text/csv; charset=utf-8').attachment(`campaign-${campaignId}-by-${q.groupBy}.csv`);
    return csvDocument(
      [q.groupBy, ...PROGRESS_COUNTERS, 'settledShare', 'deadline', 'daysLeft'],
      rows.map((r) => [
        r.key,
        ...PROGRESS_COUNTERS.map((c) => r[c]),
        r.settledShare?.toFixed(4) ?? null,
        header.deadline,
        header.daysLeft,
      ]),
    );
  }

  private async steer(campaignId: string, action: 'pause' | 'resume' | 'retry') {
    if (!(await this.campaigns.signal(campaignId, action))) throw notFound(`campaign ${campaignId}`);
    return { campaignId, requested: action };
  }
}
