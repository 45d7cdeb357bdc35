import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { UnitWorklistsResponse } from '@vax/contracts/campaign/http-v1.responses';
import type { Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { relay } from './upstream-relay';

/** The list's own parameters, passed on as the browser gave them (the campaign service checks them). */
const LIST_PARAMS = ['siteId', 'cursor', 'limit'];

/**
 * The campaigns with work open for the signed-in staff's site, so they pick one to review rather
 * than type its id. The campaign service takes the site from who is acting; this only relays.
 */
@ApiTags('campaigns')
@Controller('api/site/worklists')
@UseGuards(SessionGuard)
@Roles('site-staff', 'site-head')
export class SiteUnitWorklistsHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  @Get()
  @ApiOperation({ summary: "The campaigns with open worklist items and rows to review for the staff's own site" })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiOkResponse({ type: UnitWorklistsResponse, description: 'A page of campaigns, newest first, with open counts' })
  async list(@Query() q: Record<string, unknown>, @CurrentSession() s: Session, @Res() res: Response) {
    const params = new URLSearchParams();
    for (const name of LIST_PARAMS) if (typeof q[name] === 'string') params.set(name, q[name] as string);
    relay(res, await this.upstream.call('campaign', 'GET', `/worklists?${params}`, s.actor));
  }
}
