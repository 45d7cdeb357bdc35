import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CoverageResponse,
  DoseStatisticsResponse,
  VerificationShareResponse,
} from '@vax/contracts/injections/http-v1.responses';
import { JsonOrCsvResponse } from '@vax/platform';
import type { Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { relay } from './upstream-relay';

const query = (q: Record<string, string>) => new URLSearchParams(q).toString();

/** Managers' figures: the services compute them; the query passes through and is validated there. */
@ApiTags('manager')
@Controller('api/manager')
@UseGuards(SessionGuard)
@Roles('manager')
export class ManagerHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  @Get('doses')
  @ApiOperation({ summary: 'Doses by day, site, commune, district, vaccine or dose number (JSON or CSV)' })
  @JsonOrCsvResponse(DoseStatisticsResponse)
  async doses(@Query() q: Record<string, string>, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('injections', 'GET', `/statistics/doses?${query(q)}`, s.actor));
  }

  @Get('coverage')
  @ApiOperation({ summary: 'Coverage by district and age group (JSON or CSV)' })
  @JsonOrCsvResponse(CoverageResponse)
  async coverage(@Query() q: Record<string, string>, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('injections', 'GET', `/statistics/coverage?${query(q)}`, s.actor));
  }

  @Get('verification-share')
  @ApiOperation({ summary: 'Share of doses verified and attested (JSON or CSV)' })
  @JsonOrCsvResponse(VerificationShareResponse)
  async share(@Query() q: Record<string, string>, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('injections', 'GET', `/statistics/verification-share?${query(q)}`, s.actor));
  }
}
