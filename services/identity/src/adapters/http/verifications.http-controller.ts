import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerificationResponse } from '@vax/contracts/identity/http-v1.responses';
import { ActorGuard, Caller, type CallerActor, problemOrError, RequireRoles, validationProblem } from '@vax/platform';
import type { Response } from 'express';
import { VerificationService } from '../../application/verification.service';
import type { VerificationView } from '../../application/verification.view';
import { POLICE_VERIFIER } from '../../domain/verification/verification.decider';
import { identityRefusal } from './identity-errors';
import { ReviewVerificationRequest, VerifyIdentityRequest } from './verify-identity.request-dto';

const ID_PROBLEM = validationProblem([{ field: 'verificationId', rule: 'isUuid', message: 'must be a UUID' }]);
const uuid = () => new ParseUUIDPipe({ exceptionFactory: () => ID_PROBLEM });
type Req = { id?: string };

@ApiTags('verifications')
@Controller('verifications')
@UseGuards(ActorGuard)
export class VerificationsHttpController {
  constructor(@Inject(VerificationService) private readonly verifications: VerificationService) {}

  @Post()
  @RequireRoles('site-staff', POLICE_VERIFIER, 'system')
  @ApiOperation({ summary: 'Verify a person at the injection desk: scanned QR or typed facts against the registry' })
  @ApiCreatedResponse({ type: VerificationResponse, description: 'Checked now' })
  @ApiOkResponse({ type: VerificationResponse, description: 'The same requestId again: the first result' })
  async verify(
    @Body() body: VerifyIdentityRequest,
    @Caller() actor: CallerActor,
    @Req() req: Req,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VerificationView> {
    if ((body.qr === undefined) === (body.typed === undefined)) {
      throw validationProblem([
        { field: 'qr', rule: 'exactlyOneOf', message: 'give either qr or typed, not both or neither' },
      ]);
    }
    const input =
      body.qr !== undefined
        ? { requestId: body.requestId, qr: body.qr }
        : { requestId: body.requestId, typed: body.typed! };
    try {
      const { view, created } = await this.verifications.verify(input, actor, req.id ?? 'none');
      res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
      return view;
    } catch (error) {
      throw problemOrError(error, identityRefusal);
    }
  }

  @Get(':verificationId')
  @RequireRoles('site-staff', POLICE_VERIFIER, 'manager', 'system')
  @ApiOperation({ summary: 'A verification, its result, its differences and its reviews' })
  @ApiOkResponse({ type: VerificationResponse })
  async get(@Param('verificationId', uuid()) id: string, @Caller() actor: CallerActor): Promise<VerificationView> {
    const view = await this.verifications.get(id);
    // Site staff see the checks of their own desk only; as for a missing one, they learn nothing.
    if (!view || (actor.role === 'site-staff' && view.checkedIn !== actor.scope))
      throw new NotFoundException(`no verification ${id}`);
    return view;
  }

  @Post(':verificationId/reviews')
  @RequireRoles(POLICE_VERIFIER)
  @ApiOperation({ summary: 'A police verifier confirms a result or overrides a mismatch, with a reason' })
  @ApiCreatedResponse({ type: VerificationResponse, description: 'The verification with its reviews' })
  async review(
    @Param('verificationId', uuid()) id: string,
    @Body() body: ReviewVerificationRequest,
    @Caller() actor: CallerActor,
    @Req() req: Req,
  ): Promise<VerificationView> {
    try {
      return await this.verifications.review(id, body.outcome, body.reason, actor, req.id ?? 'none');
    } catch (error) {
      throw problemOrError(error, identityRefusal);
    }
  }
}
