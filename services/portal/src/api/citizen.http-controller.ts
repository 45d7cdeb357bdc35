import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from '../auth/session.guard';
import type { Session } from '../auth/session.store';
import { UpstreamClient } from '../upstream/upstream.client';
import { relay } from './upstream-relay';

/** A citizen's own data. The person is always the session's, never taken from the request. */
@ApiTags('citizen')
@Controller('api/me')
@UseGuards(SessionGuard)
@Roles('citizen')
export class CitizenHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  @Get('record')
  @ApiOperation({ summary: 'My vaccination record' })
  async record(@CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('injections', 'GET', `/records/${encodeURIComponent(s.actor.id)}`, s.actor));
  }
}
