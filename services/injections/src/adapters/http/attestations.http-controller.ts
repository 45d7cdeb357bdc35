import { Body, Controller, Get, HttpStatus, Inject, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorGuard, Caller, type CallerActor, ProblemException, RequireRoles, answeringRefusals } from '@vax/platform';
import { AttestationService } from '../../application/attestation.service';
import { ListSigner, SigningKeyResponse } from '@vax/platform';
import { AttestationResponse, AttestationsResponse } from '@vax/contracts/injections/http-v1.responses';
import { AttestDayRequest } from './attestations.request-dto';
import { doseRefusal } from './record-http.problems';

/** The day's verified list, signed by the site's head or the commune's chairman. */
@ApiTags('attestations')
@Controller('attestations')
@UseGuards(ActorGuard)
export class AttestationsHttpController {
  constructor(
    @Inject(AttestationService) private readonly attestations: AttestationService,
    @Inject(ListSigner) private readonly signer: ListSigner,
  ) {}

  @Post()
  @RequireRoles('site-head', 'commune-chairman')
  @ApiOperation({ summary: "Sign a site's verified list of one day; its records become legally valid" })
  @ApiCreatedResponse({ type: AttestationResponse })
  attest(@Body() body: AttestDayRequest, @Caller() actor: CallerActor, @Req() req: { id?: string }) {
    return answeringRefusals(doseRefusal)(() =>
      this.attestations.attest(body.siteId, body.day, actor, req.id ?? 'none'),
    );
  }

  @Get()
  @RequireRoles('site-head', 'commune-chairman', 'site-staff', 'manager')
  @ApiOperation({ summary: 'The lists signed for a site and day, each with its signature checked' })
  @ApiOkResponse({ type: AttestationsResponse })
  async ofDay(@Query() query: AttestDayRequest, @Caller() actor: CallerActor) {
    if (!this.attestations.maySee(actor, query.siteId))
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Not allowed', 'not your site');
    return { attestations: await this.attestations.ofDay(query.siteId, query.day) };
  }

  @Get('signing-key')
  @ApiOperation({ summary: 'The public key attestations are signed with (Ed25519, SPKI PEM)' })
  @ApiOkResponse({ type: SigningKeyResponse })
  signingKey() {
    return { keyId: this.signer.keyId, development: this.signer.development, publicKeyPem: this.signer.publicKeyPem };
  }
}
