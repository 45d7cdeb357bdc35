import { Body, Controller, Get, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CorrectionResponse, UnitWorklistsResponse, WorklistResponse } from '@vax/contracts/campaign/http-v1.responses';
import type { Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { passedOn, relay } from './upstream-relay';

const id = encodeURIComponent;
/** The lists' own parameters, passed on as the browser gave them (the campaign service checks them). */
const WORKLIST_PARAMS = ['siteId', 'status', 'reason', 'cursor', 'limit'];
const CAMPAIGNS_PARAMS = ['siteId', 'cursor', 'limit'];

/**
 * The campaigns with work open for the site (so staff pick one rather than type its id), a site's
 * worklist of a reconciliation campaign, and its choice among a row's candidates (rows to review,
 * ADR 14). The campaign service decides who may read or act on which site's rows, taking the site
 * from who is acting; this only relays.
 */
@ApiTags('campaigns')
@Controller('api/site')
@UseGuards(SessionGuard)
@Roles('site-staff', 'site-head')
export class SiteWorklistsHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  @Get('worklists')
  @ApiOperation({ summary: "The campaigns with open worklist items and rows to review for the staff's own site" })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiOkResponse({ type: UnitWorklistsResponse, description: 'A page of campaigns, newest first, with open counts' })
  async campaigns(@Query() q: Record<string, unknown>, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('campaign', 'GET', `/worklists${passedOn(q, CAMPAIGNS_PARAMS)}`, s.actor));
  }

  @Get('campaigns/:campaignId/worklists')
  @ApiOperation({ summary: "The site's worklist items (reason=ambiguous-identity: its rows to review), by due day" })
  @ApiQuery({ name: 'siteId', required: true })
  @ApiQuery({ name: 'reason', required: false })
  @ApiQuery({ name: 'status', required: false })
  @ApiOkResponse({ type: WorklistResponse, description: 'A page of the items, each row to review with its candidates' })
  async worklist(
    @Param('campaignId') campaignId: string,
    @Query() q: Record<string, unknown>,
    @CurrentSession() s: Session,
    @Res() res: Response,
  ) {
    const path = `/campaigns/${id(campaignId)}/worklists${passedOn(q, WORKLIST_PARAMS)}`;
    relay(res, await this.upstream.call('campaign', 'GET', path, s.actor));
  }

  @Post('campaigns/:campaignId/worklist-items/:itemId/identity-choice')
  @ApiOperation({ summary: 'Say which candidate a row to review is (same-person, personId), or none-of-them' })
  @ApiCreatedResponse({ type: CorrectionResponse, description: 'The choice kept: the item resolved, or still open' })
  async choose(
    @Param('campaignId') campaignId: string,
    @Param('itemId') itemId: string,
    @Body() body: object,
    @CurrentSession() s: Session,
    @Res() res: Response,
  ) {
    const path = `/campaigns/${id(campaignId)}/worklist-items/${id(itemId)}/identity-choice`;
    relay(res, await this.upstream.call('campaign', 'POST', path, s.actor, body));
  }
}
