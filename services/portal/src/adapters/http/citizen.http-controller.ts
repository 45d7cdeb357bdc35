import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecordResponse } from '@vax/contracts/injections/http-v1.responses';
import { FileResponse } from '@vax/platform';
import type { Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { READ_SOURCES, mergedNextCursor, sourceCursors } from './merged-reads';
import { withQrImage } from './certificate-with-qr';
import { MyCertificateResponse, MyReadsResponse } from './citizen.responses';
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
  @ApiOkResponse({ type: RecordResponse })
  async record(@CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('injections', 'GET', `/records/${encodeURIComponent(s.actor.id)}`, s.actor));
  }

  @Get('certificate')
  @ApiOperation({
    summary: 'My vaccination status and valid certificate (HC1) with its QR as a data: URL (qrImage), and its history',
  })
  @ApiOkResponse({ type: MyCertificateResponse })
  async certificate(@CurrentSession() s: Session, @Res() res: Response) {
    const base = `/certificates/${encodeURIComponent(s.actor.id)}`;
    const [answer, qr] = await Promise.all([
      this.upstream.call('certification', 'GET', base, s.actor),
      this.upstream.call('certification', 'GET', `${base}/qr.png`, s.actor),
    ]);
    relay(res, withQrImage(answer, qr));
  }

  @Get('certificate/qr.png')
  @ApiOperation({ summary: "My certificate's QR code" })
  @FileResponse(['image/png'], 'The QR, PNG')
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
  @ApiOkResponse({ type: MyReadsResponse })
  async reads(@Query() q: Record<string, unknown>, @CurrentSession() s: Session) {
    const id = encodeURIComponent(s.actor.id);
    const cursors = sourceCursors(q.cursor);
    const limit = typeof q.limit === 'string' ? q.limit : undefined;
    type Reads = { reads: { readAt: string }[]; nextCursor?: string | null };
    const pages = await Promise.all(
      READ_SOURCES.map(([service, base], i) => {
        if (cursors[i] === null) return { reads: [], nextCursor: null }; // read to its end on an earlier page
        const page = new URLSearchParams({ ...(limit && { limit }), ...(cursors[i] && { cursor: cursors[i]! }) });
        return this.upstream.json<Reads>(service, 'GET', `/${base}/${id}/reads?${page}`, s.actor);
      }),
    );
    const reads = pages.flatMap((p) => p.reads).sort((a, b) => b.readAt.localeCompare(a.readAt));
    return { reads, nextCursor: mergedNextCursor(pages.map((p) => p.nextCursor ?? null)) };
  }

  @Get('certificate.pdf')
  @ApiOperation({ summary: 'My printable certificate (A4 or A5)' })
  @FileResponse(['application/pdf'], 'The certificate, PDF (an attachment)')
  async pdf(@Query('size') size: string | undefined, @CurrentSession() s: Session, @Res() res: Response) {
    const query = new URLSearchParams({ size: size ?? 'A4' });
    const path = `/certificates/${encodeURIComponent(s.actor.id)}/certificate.pdf?${query}`;
    relay(res, await this.upstream.call('certification', 'GET', path, s.actor));
  }
}
