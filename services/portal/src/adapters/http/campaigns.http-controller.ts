import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CampaignProgressResponse,
  CampaignResponse,
  CampaignStatusResponse,
  CampaignsResponse,
  ImportSummaryResponse,
  ImportsResponse,
  PresetsResponse,
  SteerResponse,
} from '@vax/contracts/campaign/http-v1.responses';
import { FileResponse, JsonOrCsvResponse } from '@vax/platform';
import type { Request, Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { pageQuery, relay, relayStream } from './upstream-relay';

export const CAMPAIGN_UPLOAD_PATH = '/api/manager/campaigns/imports';
/** What the campaign service reads (it checks again): CSV as browsers and tools label it, or a workbook. */
export const CAMPAIGN_UPLOAD_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const query = (q: Record<string, string>) => new URLSearchParams(q).toString();
const id = encodeURIComponent;

/**
 * The reconciliation campaign for managers: the campaign service decides and checks role and scope
 * again (a district's manager sees their district's progress); this only relays, files streamed.
 */
@ApiTags('campaigns')
@Controller('api/manager/campaigns')
@UseGuards(SessionGuard)
@Roles('manager')
export class CampaignsHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  // The imports' routes come first: `imports` is not a campaign id.
  @Get('imports')
  @ApiOperation({ summary: 'Imported lists, newest first' })
  @ApiOkResponse({ type: ImportsResponse })
  async imports(@Query() q: Record<string, unknown>, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('campaign', 'GET', `/campaigns/imports${pageQuery(q)}`, s.actor));
  }

  @Get('imports/presets')
  @ApiOperation({ summary: 'The prepared column mappings' })
  @ApiOkResponse({ type: PresetsResponse })
  async presets(@CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('campaign', 'GET', '/campaigns/imports/presets', s.actor));
  }

  @Post('imports')
  @ApiConsumes(...CAMPAIGN_UPLOAD_TYPES)
  @ApiOperation({ summary: 'Upload a list (the file as the body, streamed through): the import summary' })
  @ApiCreatedResponse({ type: ImportSummaryResponse, description: 'The list imported (or the rest of it, resumed)' })
  async upload(
    @Query() q: Record<string, string>,
    @Req() req: Request,
    @CurrentSession() s: Session,
    @Res() res: Response,
  ) {
    const answer = await this.upstream.stream('campaign', 'POST', `/campaigns/imports?${query(q)}`, s.actor, {
      body: req,
      contentType: req.headers['content-type'] ?? 'application/octet-stream',
      contentLength: req.headers['content-length'],
    });
    if (!req.readableEnded) res.setHeader('Connection', 'close'); // refused early: the rest of the file is dropped
    await relayStream(res, answer);
  }

  @Get('imports/:importId/report')
  @ApiOperation({ summary: "An import's per-row report (CSV), streamed" })
  @FileResponse(['text/csv'], 'One line per row, after a header: row, status, idState, problems')
  async report(@Param('importId') importId: string, @CurrentSession() s: Session, @Res() res: Response) {
    await relayStream(
      res,
      await this.upstream.stream('campaign', 'GET', `/campaigns/imports/${id(importId)}/report`, s.actor),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Campaigns with their state and deadline' })
  @ApiOkResponse({ type: CampaignsResponse })
  async list(@Query() q: Record<string, unknown>, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('campaign', 'GET', `/campaigns${pageQuery(q)}`, s.actor));
  }

  @Post()
  @ApiOperation({ summary: 'Start a campaign over finished imports, with a deadline' })
  @ApiCreatedResponse({ type: CampaignResponse, description: 'The campaign started' })
  async start(@Body() body: object, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('campaign', 'POST', '/campaigns', s.actor, body));
  }

  @Get(':campaignId')
  @ApiOperation({ summary: "A campaign and its workflow's live progress" })
  @ApiOkResponse({ type: CampaignStatusResponse })
  async status(@Param('campaignId') campaignId: string, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('campaign', 'GET', `/campaigns/${id(campaignId)}`, s.actor));
  }

  @Get(':campaignId/progress')
  @ApiOperation({ summary: 'Progress by district, commune or site against the deadline (JSON or CSV)' })
  @JsonOrCsvResponse(CampaignProgressResponse)
  async progress(
    @Param('campaignId') campaignId: string,
    @Query() q: Record<string, string>,
    @CurrentSession() s: Session,
    @Res() res: Response,
  ) {
    const path = `/campaigns/${id(campaignId)}/progress?${query(q)}`;
    relay(res, await this.upstream.call('campaign', 'GET', path, s.actor));
  }

  @Post(':campaignId/pause')
  @ApiOperation({ summary: 'Hold a campaign: chunks in flight finish, no new one starts' })
  @ApiAcceptedResponse({ type: SteerResponse, description: "Handed to the campaign's workflow" })
  async pause(@Param('campaignId') campaignId: string, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('campaign', 'POST', `/campaigns/${id(campaignId)}/pause`, s.actor));
  }

  @Post(':campaignId/resume')
  @ApiOperation({ summary: 'Let a paused campaign go on' })
  @ApiAcceptedResponse({ type: SteerResponse, description: "Handed to the campaign's workflow" })
  async resume(@Param('campaignId') campaignId: string, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('campaign', 'POST', `/campaigns/${id(campaignId)}/resume`, s.actor));
  }
}
