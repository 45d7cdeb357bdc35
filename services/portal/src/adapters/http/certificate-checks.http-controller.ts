import { Body, Controller, Inject, Post, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerificationVerdictResponse } from '@vax/contracts/certification/http-v1.responses';
import type { Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { relay } from './upstream-relay';

/** Who checks a presented certificate: staff at a site, the police, managers. */
export const CERTIFICATE_CHECKERS = ['site-staff', 'site-head', 'police-verifier', 'manager'];

/**
 * The check page's one route: the HC1 text (and the arrival country whose rules apply) goes to
 * certification's own verification route as it came, so the page judges with the very engine, rules
 * and value sets the online verifier holds (their versions come back on the verdict).
 */
@ApiTags('certificate checks')
@Controller('api/certificate-checks')
@UseGuards(SessionGuard)
@Roles(...CERTIFICATE_CHECKERS)
export class CertificateChecksHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  @Post()
  @ApiOperation({
    summary: 'Check a presented certificate (HC1 text): every check, value sets, the rules of a country',
  })
  @ApiOkResponse({ type: VerificationVerdictResponse, description: 'The verdict, valid or not' })
  async check(@Body() body: object, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('certification', 'POST', '/verifications', s.actor, body));
  }
}
