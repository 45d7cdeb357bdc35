import { Body, Controller, Get, Inject, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AttestationResponse, AttestationsResponse } from '@vax/contracts/injections/http-v1.responses';
import type { Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { relay } from './upstream-relay';

/** Site heads and commune chairmen sign a day's verified list; injections checks who may sign what. */
@ApiTags('attestations')
@Controller('api/attestations')
@UseGuards(SessionGuard)
@Roles('site-head', 'commune-chairman')
export class AttestationsHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  @Get()
  @ApiOperation({ summary: 'The lists signed for a site and day' })
  @ApiOkResponse({ type: AttestationsResponse })
  async ofDay(@Query() q: Record<string, string>, @CurrentSession() s: Session, @Res() res: Response) {
    const query = new URLSearchParams({ siteId: q.siteId ?? '', day: q.day ?? '' });
    relay(res, await this.upstream.call('injections', 'GET', `/attestations?${query}`, s.actor));
  }

  @Post()
  @ApiOperation({ summary: "Sign the site's verified list of a day" })
  @ApiCreatedResponse({ type: AttestationResponse })
  async attest(@Body() body: object, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('injections', 'POST', '/attestations', s.actor, body));
  }
}
