import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActorGuard,
  Caller,
  type CallerActor,
  FileResponse,
  NEXT_CURSOR_HEADER_DOC,
  PageRequest,
  PersonReadsResponse,
  RequireRoles,
  itemsWithNextCursor,
  keysetPage,
  answeringRefusals,
} from '@vax/platform';
import {
  ComplaintDetailResponse,
  DecisionResultResponse,
  QueueItemResponse,
  SentMessagesResponse,
} from '@vax/contracts/complaints/http-v1.responses';
import type { Request, Response } from 'express';
import { ComplaintReadingService } from '../../application/complaint-reading.service';
import { ComplaintRequestsService } from '../../application/complaint-requests.service';
import { EVIDENCE_MEDIA_TYPES } from '../../domain/complaint-evidence';
import { ComplaintError, problem } from '../../domain/complaint.errors';
import { FailedStepsService } from '../../application/failed-steps.service';
import { SlaReportQuery } from '../postgres/sla-report.query';
import { checkComplaintId, complaintRefusal } from './complaint-http.problems';
import { DecideComplaintRequest } from './decide-complaint.request-dto';
import { FailedStepRequestDto } from './failed-step.request-dto';

const STAFF = ['site-staff', 'police-verifier', 'manager'] as const;

/** Units' work (queue, decisions) and reading a complaint, for whoever may read it. */
@ApiTags('complaints (units)')
@Controller()
@UseGuards(ActorGuard)
export class UnitComplaintsHttpController {
  constructor(
    @Inject(ComplaintRequestsService) private readonly requests: ComplaintRequestsService,
    @Inject(ComplaintReadingService) private readonly reading: ComplaintReadingService,
    @Inject(SlaReportQuery) private readonly reports: SlaReportQuery,
    @Inject(FailedStepsService) private readonly failedSteps: FailedStepsService,
  ) {}

  @Get('queue')
  @RequireRoles(...STAFF)
  @ApiOperation({
    summary: "The complaints the caller's unit holds, most urgent first (those waiting on the citizen last)",
  })
  @ApiOkResponse({
    type: [QueueItemResponse],
    description: 'A page of the complaints the unit holds',
    headers: NEXT_CURSOR_HEADER_DOC,
  })
  async queue(
    @Caller() staff: CallerActor,
    @Query() q: PageRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const page = keysetPage(q, ['string', 'string', 'string', 'string']);
    return itemsWithNextCursor(res, req.originalUrl, await this.reports.queue(staff.scope, page));
  }

  @Post('complaints/:complaintId/decisions')
  @RequireRoles(...STAFF)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Accept with a correction, reject on a listed ground, or ask the citizen (stops the clock)',
    description:
      'Answers once recorded; 409 when another decision came first, 403 when the caller does not hold the turn',
  })
  @ApiOkResponse({ type: DecisionResultResponse, description: 'The decision, recorded' })
  decide(@Param('complaintId') id: string, @Body() body: DecideComplaintRequest, @Caller() staff: CallerActor) {
    return answeringRefusals(complaintRefusal)(() =>
      this.requests.decide(checkComplaintId(id), staff, body.toDecision()),
    );
  }

  @Post('complaints/:complaintId/failed-step')
  @RequireRoles(...STAFF)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Retry the workflow step that failed for good, or close the complaint (it needs attention)',
    description:
      'The unit holding the complaint or a manager over it (403 otherwise); 409 when no step needs attention',
  })
  @ApiAcceptedResponse({ description: 'The retry or the closing is handed to the complaint (no body)' })
  failedStep(@Param('complaintId') id: string, @Body() body: FailedStepRequestDto, @Caller() staff: CallerActor) {
    const request = { action: body.action, note: body.note ?? '' };
    return answeringRefusals(complaintRefusal)(() => this.failedSteps.handle(checkComplaintId(id), staff, request));
  }

  @Get('complaints/:complaintId')
  @RequireRoles('citizen', ...STAFF)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A complaint: its subject, photos, turn and deadline, decision or outcome' })
  @ApiOkResponse({ type: ComplaintDetailResponse, description: 'The complaint and its timeline' })
  view(@Param('complaintId') id: string, @Caller() actor: CallerActor) {
    return answeringRefusals(complaintRefusal)(() => this.reading.view(actor, checkComplaintId(id)));
  }

  @Get('people/:personId/reads')
  @RequireRoles('citizen')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Who read what I filed (my stated identity, my description): staff and managers, with the ground',
  })
  @ApiOkResponse({ type: PersonReadsResponse, description: "The reads of the caller's filings, newest first" })
  reads(@Param('personId') personId: string, @Query() q: PageRequest, @Caller() actor: CallerActor) {
    return answeringRefusals(complaintRefusal)(async () => {
      if (!/^[A-Za-z0-9-]{1,100}$/.test(personId))
        throw new ComplaintError('invalid', 'bad person id', [problem('personId', 'format', 'must be a person id')]);
      return this.reading.readsOf(actor, personId, keysetPage(q, ['string', 'number']));
    });
  }

  @Get('complaints/:complaintId/messages')
  @RequireRoles('citizen', ...STAFF)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'What the platform sent the citizen about the complaint, newest last' })
  @ApiOkResponse({ type: SentMessagesResponse, description: 'The messages sent, oldest first' })
  messages(@Param('complaintId') id: string, @Caller() actor: CallerActor) {
    return answeringRefusals(complaintRefusal)(() => this.reading.messages(actor, checkComplaintId(id)));
  }

  @Get('complaints/:complaintId/evidence/:evidenceId')
  @RequireRoles('citizen', ...STAFF)
  @ApiOperation({ summary: "A complaint's photo, to those who may read the complaint" })
  @FileResponse([...EVIDENCE_MEDIA_TYPES], 'The photo as it was uploaded')
  async photo(
    @Param('complaintId') id: string,
    @Param('evidenceId') evidenceId: string,
    @Caller() actor: CallerActor,
    @Res() res: Response,
  ) {
    const photo = await answeringRefusals(complaintRefusal)(() =>
      this.reading.photo(actor, checkComplaintId(id), evidenceId),
    );
    res.status(200).type(photo.mediaType).set('Cache-Control', 'private, no-store').send(photo.content);
  }
}
