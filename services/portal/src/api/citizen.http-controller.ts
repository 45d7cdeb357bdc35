import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
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

  @Get('certificate')
  @ApiOperation({ summary: 'My vaccination status and valid certificate (HC1), with its history' })
  async certificate(@CurrentSession() s: Session, @Res() res: Response) {
    relay(
      res,
      await this.upstream.call('certification', 'GET', `/certificates/${encodeURIComponent(s.actor.id)}`, s.actor),
    );
  }

  @Get('certificate/qr.png')
  @ApiOperation({ summary: "My certificate's QR code" })
  async qr(@CurrentSession() s: Session, @Res() res: Response) {
    relay(
      res,
      await this.upstream.call(
        'certification',
        'GET',
        `/certificates/${encodeURIComponent(s.actor.id)}/qr.png`,
        s.actor,
      ),
    );
  }

  @Get('reads')
  @ApiOperation({
    summary: 'Who looked at my data: reads of my record, certificate and complaints by staff and managers',
  })
  async reads(@CurrentSession() s: Session) {
    const id = encodeURIComponent(s.actor.id);
    type Reads = { reads: { readAt: string }[] };
    const [record, certificate, complaints] = await Promise.all([
      this.upstream.json<Reads>('injections', 'GET', `/records/${id}/reads`, s.actor),
      this.upstream.json<Reads>('certification', 'GET', `/certificates/${id}/reads`, s.actor),
      this.upstream.json<Reads>('complaints', 'GET', `/people/${id}/reads`, s.actor),
    ]);
    const reads = [...record.reads, ...certificate.reads, ...complaints.reads].sort((a, b) =>
      b.readAt.localeCompare(a.readAt),
    );
    return { reads };
  }

  @Get('certificate.pdf')
  @ApiOperation({ summary: 'My printable certificate (A4 or A5)' })
  async pdf(@Query('size') size: string | undefined, @CurrentSession() s: Session, @Res() res: Response) {
    const query = new URLSearchParams({ size: size ?? 'A4' });
    const path = `/certificates/${encodeURIComponent(s.actor.id)}/certificate.pdf?${query}`;
    relay(res, await this.upstream.call('certification', 'GET', path, s.actor));
  }
}
