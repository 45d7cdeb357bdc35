import { Body, Controller, Get, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerificationResponse } from '@vax/contracts/identity/http-v1.responses';
import { RecordResponse, RecordedDoseAnswer } from '@vax/contracts/injections/http-v1.responses';
import { FileResponse } from '@vax/platform';
import type { Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { relay } from './upstream-relay';

/**
 * The injection desk: verify the person (scanned QR or typed), then record the dose. Bodies pass to
 * the services, which validate them and answer field by field; the portal adds who is acting.
 */
@ApiTags('desk')
@Controller('api/desk')
@UseGuards(SessionGuard)
@Roles('site-staff')
export class DeskHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  @Post('verifications')
  @ApiOperation({ summary: 'Verify a person against the population registry' })
  @ApiCreatedResponse({ type: VerificationResponse, description: 'Checked now' })
  @ApiOkResponse({ type: VerificationResponse, description: 'The same requestId again: the first result' })
  async verify(@Body() body: object, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('identity', 'POST', '/verifications', s.actor, body));
  }

  @Post('records/:personId/doses')
  @ApiOperation({ summary: "Record a dose on the verified person's record" })
  @ApiCreatedResponse({ type: RecordedDoseAnswer, description: 'Recorded now' })
  @ApiOkResponse({ type: RecordedDoseAnswer, description: 'The same doseId again: recorded before, nothing added' })
  async record(
    @Param('personId') personId: string,
    @Body() body: object,
    @CurrentSession() s: Session,
    @Res() res: Response,
  ) {
    relay(
      res,
      await this.upstream.call('injections', 'POST', `/records/${encodeURIComponent(personId)}/doses`, s.actor, body),
    );
  }

  @Post('records/:personId')
  @ApiOperation({ summary: "The verified person's record, to show beside the desk form" })
  @ApiOkResponse({ type: RecordResponse, description: 'The record as it stands (a read, though a POST)' })
  async history(@Param('personId') personId: string, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('injections', 'GET', `/records/${encodeURIComponent(personId)}`, s.actor));
  }

  @Get('certificates/:personId/certificate.pdf')
  @ApiOperation({ summary: "Print the person's certificate at the desk (A4 or A5)" })
  @FileResponse(['application/pdf'], 'The certificate, PDF (an attachment)')
  async print(
    @Param('personId') personId: string,
    @Query('size') size: string | undefined,
    @CurrentSession() s: Session,
    @Res() res: Response,
  ) {
    const path = `/certificates/${encodeURIComponent(personId)}/certificate.pdf?${new URLSearchParams({ size: size ?? 'A4' })}`;
    relay(res, await this.upstream.call('certification', 'GET', path, s.actor));
  }
}
