import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReferenceResponse } from '@vax/contracts/injections/http-v1.responses';
import type { Response } from 'express';
import { CurrentSession, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { relay } from './upstream-relay';

@ApiTags('reference')
@Controller('api/reference')
@UseGuards(SessionGuard)
export class ReferenceHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  @Get()
  @ApiOperation({ summary: 'Vaccines and vaccination sites' })
  @ApiOkResponse({ type: ReferenceResponse })
  async all(@CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('injections', 'GET', '/reference', s.actor));
  }
}
