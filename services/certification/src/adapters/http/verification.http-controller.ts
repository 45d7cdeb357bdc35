import { Body, Controller, Get, HttpCode, Inject, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorGuard } from '@vax/platform';
import { RevocationListQuery } from '../postgres/revocation-list.query';
import { TrustListRepository } from '../postgres/trust-list.repository';
import type { VerificationReference } from '../../application/verification-reference';
import { revocationHashesOfHcert, verifyHcert } from '../hcert/hcert.verifier';
import { trustedSignerOf } from '../hcert/trusted-signer';
import type { SigningKeys } from '../keys/signing-keys';
import { SIGNING_KEYS } from './certificates.http-controller';
import { VerificationVerdictResponse } from '@vax/contracts/certification/http-v1.responses';
import { RevocationListResponse, TrustListResponse } from './certification.responses';
import { RevocationListRequest } from './revocation-list.request-dto';
import { VerifyCertificateRequest } from './verify-certificate.request-dto';

export const VERIFICATION_REFERENCE = Symbol('VERIFICATION_REFERENCE');

/** Verification for anyone who scans a QR, and the public lists an offline verifier needs. */
@ApiTags('verification')
@Controller()
export class VerificationHttpController {
  constructor(
    @Inject(TrustListRepository) private readonly trustList: TrustListRepository,
    @Inject(RevocationListQuery) private readonly revocations: RevocationListQuery,
    @Inject(SIGNING_KEYS) private readonly keys: SigningKeys,
    @Inject(VERIFICATION_REFERENCE) private readonly reference: VerificationReference,
  ) {}

  @Post('verifications')
  @HttpCode(200)
  @UseGuards(ActorGuard)
  @ApiOperation({
    summary:
      'Verify an HC1 text: every check (value sets always; business rules of the arrival country when one is given), ' +
      'which one failed, each rule not passed, the versions judged with; the holder shown to compare with their ID',
  })
  @ApiOkResponse({ type: VerificationVerdictResponse })
  async verify(@Body() body: VerifyCertificateRequest) {
    const trusted = (await this.trustList.all()).map((e) => trustedSignerOf(e.certificateDer));
    const hashes = revocationHashesOfHcert(body.hc1);
    const revoked = hashes ? await this.revocations.isRevoked(hashes) : false;
    const { ruleSet, valueSets } = this.reference.current();
    const { dcc, ...result } = verifyHcert(body.hc1, {
      at: body.at ? new Date(body.at) : new Date(),
      trustList: trusted,
      isRevoked: () => revoked,
      valueSets,
      rules: body.country ? { ruleSet, arrivalCountry: body.country } : undefined,
    });
    const nam = dcc?.nam as { fn?: string; gn?: string } | undefined;
    return {
      ...result,
      holder: dcc
        ? {
            name: [nam?.fn, nam?.gn].filter(Boolean).join(' '),
            dateOfBirth: typeof dcc.dob === 'string' ? dcc.dob : null,
          }
        : null,
    };
  }

  @Get('trust-list')
  @ApiExtension('x-public', true)
  @ApiOperation({ summary: 'The signing certificates (DSC, base64 DER) and the CSCA above them; public' })
  @ApiOkResponse({ type: TrustListResponse })
  async trustListDocument() {
    const signers = await this.trustList.all();
    return {
      certificates: signers.map((s) => ({
        kid: s.kid,
        certificateType: 'DSC',
        country: 'VN',
        rawData: s.certificateDer.toString('base64'),
        development: s.development,
      })),
      csca: this.keys.cscaDer
        ? [{ country: 'VN', rawData: this.keys.cscaDer.toString('base64'), development: this.keys.development }]
        : [],
    };
  }

  @Get('revocation-list')
  @ApiExtension('x-public', true)
  @ApiOperation({ summary: 'Revoked certificates as EU revocation batches (SHA-256/128 hashes, base64); public' })
  @ApiOkResponse({ type: RevocationListResponse })
  async revocationList(@Query() q: RevocationListRequest) {
    const after = q.since === undefined ? undefined : new Date(q.since);
    return { batches: await this.revocations.batches(after) };
  }
}
