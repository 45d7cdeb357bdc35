import { Body, Controller, Get, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CorrectionResponse, WorklistResponse } from '@vax/contracts/campaign/http-v1.responses';
import type { Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { relay } from './upstream-relay';

const id = encodeURIComponent;
/** The worklist's own parameters, passed on as the browser gave them (the campaign service checks them). */
const WORKLIST_PARAMS = ['siteId', 'status', 'reason', 'cursor', 'limit'];

/**
 * A site's worklist of the reconciliation campaign, and its choice among a row's candidates (rows to
 * review, ADR 14). The campaign service decides who may read or act on which site's rows; this only
 * relays, with who is acting.
 */
@ApiTags('campaigns')
@Controller('api/site/campaigns/:campaignId')
@UseGuards(SessionGuard)
@Roles('site-staff', 'site-head')
export class SiteWorklistsHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  @Get('worklists')
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
    const params = new URLSearchParams();
    for (const name of WORKLIST_PARAMS) if (typeof q[name] === 'string') params.set(name, q[name] as string);
    relay(
      res,
      await this.upstream.call('campaign', 'GET', `/campaigns/${id(campaignId)}/worklists?${params}`, s.actor),
    );
  }

  @Post('worklist-items/:itemId/identity-choice')
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
