import { Body, Controller, Get, Inject, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActorGuard,
  Caller,
  type CallerActor,
  RequireRoles,
  SigningKeyResponse,
  answeringRefusals,
} from '@vax/platform';
import { ListAttestationService } from '../../application/list-attestation.service';
import { ListSigner } from '@vax/platform';
import { AttestListRequest, CommuneRequest } from './campaign.request-dto';
import { campaignRefusal } from './campaign-http.problems';
import { AttestationResponse, CommuneAttestationsResponse } from './attestations.responses';

/** The matched list of a site or commune, signed by its responsible person. */
@ApiTags('attestations')
@Controller('campaigns')
@UseGuards(ActorGuard)
export class AttestationsHttpController {
  constructor(
    @Inject(ListAttestationService) private readonly attestations: ListAttestationService,
    @Inject(ListSigner) private readonly signer: ListSigner,
  ) {}

  @Post(':campaignId/attestations')
  @RequireRoles('site-head', 'commune-chairman')
  @ApiOperation({ summary: "Sign the campaign's matched list of a site (its head) or a commune (its chairman)" })
  @ApiCreatedResponse({ type: AttestationResponse, description: 'The list signed' })
  attest(
    @Param('campaignId') campaignId: string,
    @Body() body: AttestListRequest,
    @Caller() actor: CallerActor,
    @Req() req: { id?: string },
  ) {
    return answeringRefusals(campaignRefusal)(() =>
      this.attestations.attest(campaignId, body.scope, body.unit, actor, req.id ?? campaignId),
    );
  }

  @Get(':campaignId/attestations')
  @RequireRoles('site-head', 'commune-chairman', 'manager')
  @ApiOperation({ summary: 'The lists signed in a commune, each signature checked against its content' })
  @ApiOkResponse({ type: CommuneAttestationsResponse, description: 'The signed lists, oldest first' })
  async ofCommune(@Param('campaignId') campaignId: string, @Query() q: CommuneRequest) {
    return { campaignId, commune: q.commune, attestations: await this.attestations.ofCommune(campaignId, q.commune) };
  }

  @Get('attestations/signing-key')
  @ApiOperation({ summary: 'The public key matched lists are signed with (Ed25519, SPKI PEM)' })
  @ApiOkResponse({ type: SigningKeyResponse, description: 'The current signing key' })
  signingKey() {
    return { keyId: this.signer.keyId, development: this.signer.development, publicKeyPem: this.signer.publicKeyPem };
  }
}
