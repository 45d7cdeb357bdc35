import { Controller, Get, Header, Inject, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActorGuard,
  Caller,
  type CallerActor,
  FileResponse,
  PageRequest,
  PersonAccessStore,
  PersonReadsResponse,
  RequireRoles,
  validationProblem,
  vietnamToday,
  keysetPage,
} from '@vax/platform';
import type { Response } from 'express';
import { certificateDocumentOf, certificationView } from '../../application/certificate.view';
import { CertificationService } from '../../application/certification.service';
import type { CertificationReference } from '../../domain/certification-reference';
import { hcertQrPng } from '../hcert/qr-code';
import type { SigningKeys } from '../keys/signing-keys';
import { renderCertificatePdf } from '../pdf/certificate.pdf';
import { CertificationResponse } from '@vax/contracts/certification/http-v1.responses';
import { CERTIFICATE_READERS, checkAccess, noCertificate, notTheirs } from './certificate-access';
import { RenderedFilesCache } from './rendered-files.cache';

export const CERTIFICATION_REFERENCE = Symbol('CERTIFICATION_REFERENCE');
export const SIGNING_KEYS = Symbol('SIGNING_KEYS');

@ApiTags('certificates')
@Controller('certificates')
@UseGuards(ActorGuard)
@RequireRoles(...CERTIFICATE_READERS)
export class CertificatesHttpController {
  /** The PDF costs hundreds of signatures to render, and a holder fetches the same one again and again. */
  private readonly rendered = new RenderedFilesCache();

  constructor(
    @Inject(CertificationService) private readonly certification: CertificationService,
    @Inject(CERTIFICATION_REFERENCE) private readonly reference: CertificationReference,
    @Inject(SIGNING_KEYS) private readonly keys: SigningKeys,
    @Inject(PersonAccessStore) private readonly access: PersonAccessStore,
  ) {}

  @Get(':personId')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "A person's status today, their valid certificate (HC1 text) and every earlier one" })
  @ApiOkResponse({ type: CertificationResponse })
  async get(@Param('personId') personId: string, @Caller() actor: CallerActor) {
    await checkAccess(this.access, personId, actor, 'certificate');
    const state = await this.certification.state(personId);
    return certificationView(personId, state, this.reference, vietnamToday(new Date()));
  }

  @Get(':personId/reads')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Who looked at my certificate: each read by staff or a manager, with its ground' })
  @ApiOkResponse({ type: PersonReadsResponse })
  async reads(@Param('personId') personId: string, @Query() q: PageRequest, @Caller() actor: CallerActor) {
    if (actor.role !== 'citizen' || actor.scope !== `person:${personId}`) throw notTheirs();
    const { items, nextCursor } = await this.access.readsOf(personId, keysetPage(q, ['string', 'number']));
    return { personId, reads: items, nextCursor };
  }

  @Get(':personId/qr.png')
  @ApiOperation({ summary: 'The QR of the valid certificate (alphanumeric mode)' })
  @FileResponse(['image/png'], 'The QR, PNG')
  async qr(@Param('personId') personId: string, @Caller() actor: CallerActor, @Res() res: Response) {
    await checkAccess(this.access, personId, actor, 'certificate-qr');
    const current = (await this.certification.state(personId)).certificates.find((c) => c.revoked === null);
    if (!current) throw noCertificate();
    res
      .type('image/png')
      .set('Cache-Control', 'no-store')
      .send(await this.rendered.get({ qr: current.hc1 }, () => hcertQrPng(current.hc1)));
  }

  @Get(':personId/certificate.pdf')
  @ApiOperation({
    summary: 'The printable certificate, A4 or A5, in Vietnamese: for site staff to print, for the citizen to download',
  })
  @FileResponse(['application/pdf'], 'The certificate, PDF (an attachment)')
  async pdf(
    @Param('personId') personId: string,
    @Caller() actor: CallerActor,
    @Res() res: Response,
    @Query('size') size = 'A4',
  ) {
    if (size !== 'A4' && size !== 'A5')
      throw validationProblem([{ field: 'size', rule: 'isIn', message: 'must be A4 or A5' }]);
    await checkAccess(this.access, personId, actor, 'certificate-pdf');
    const document = certificateDocumentOf(
      await this.certification.state(personId),
      this.reference,
      this.keys.development,
    );
    if (!document) throw noCertificate();
    res
      .type('application/pdf')
      .set('Cache-Control', 'no-store')
      .attachment(`chung-nhan-tiem-chung-${size}.pdf`)
      .send(await this.rendered.get({ size, document }, () => renderCertificatePdf(document, size)));
  }
}
