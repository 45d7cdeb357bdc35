import { Body, Controller, Get, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BreachesResponse,
  COMPLAINT_VALUES_V1,
  CitizenComplaintListing,
  ComplaintDetailResponse,
  ComplaintViewResponse,
  DecisionResultResponse,
  QueueItemResponse,
  SentMessagesResponse,
  SlaSummaryResponse,
  UploadedEvidenceResponse,
} from '@vax/contracts/complaints/http-v1.responses';
import { FileResponse, JsonOrCsvResponse, NEXT_CURSOR_HEADER_DOC } from '@vax/platform';
import type { Response } from 'express';
import { CurrentSession, Roles, SessionGuard } from './session.guard';
import type { Session } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { pageQuery, relay } from './upstream-relay';

const STAFF = ['site-staff', 'police-verifier'];
const id = (value: string) => encodeURIComponent(value);

/**
 * Complaints, for the citizen who files them and the units that handle them. The complaints service
 * decides who may see and do what (the filer, the unit holding the turn, managers over it); the
 * portal passes the session's actor and the body, and relays the answer as it is.
 */
@ApiTags('complaints')
@Controller('api')
@UseGuards(SessionGuard)
export class ComplaintsHttpController {
  constructor(@Inject(UpstreamClient) private readonly upstream: UpstreamClient) {}

  @Post('complaints/contact-codes')
  @Roles('citizen')
  @ApiOperation({ summary: 'A one-time code to the phone the complaint will give' })
  @ApiAcceptedResponse({ description: 'The code is on its way (no body)' })
  async code(@Body() body: object, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('complaints', 'POST', '/complaints/contact-codes', s.actor, body));
  }

  @Post('complaints/evidence')
  @Roles('citizen')
  @ApiOperation({ summary: 'Upload a photo (JPEG, PNG or HEIC, ≤ 5 MB, base64)' })
  @ApiCreatedResponse({ type: UploadedEvidenceResponse, description: 'The photo kept (the first one, if sent before)' })
  async evidence(@Body() body: object, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('complaints', 'POST', '/complaints/evidence', s.actor, body));
  }

  @Post('complaints')
  @Roles('citizen')
  @ApiOperation({ summary: 'File a correction request (the national form)' })
  @ApiCreatedResponse({
    type: ComplaintViewResponse,
    description: 'The complaint filed (or as it stands, if sent again)',
  })
  async file(@Body() body: object, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('complaints', 'POST', '/complaints', s.actor, body));
  }

  @Get('complaints/mine')
  @Roles('citizen')
  @ApiOperation({ summary: 'My complaints' })
  @ApiOkResponse({ type: [CitizenComplaintListing], description: 'A page of them', headers: NEXT_CURSOR_HEADER_DOC })
  async mine(@Query() q: Record<string, unknown>, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('complaints', 'GET', `/complaints/mine${pageQuery(q)}`, s.actor));
  }

  @Get('complaints/:complaintId')
  @Roles('citizen', 'manager', ...STAFF)
  @ApiOperation({ summary: 'A complaint, with its timeline and who holds the turn' })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  async one(@Param('complaintId') complaintId: string, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('complaints', 'GET', `/complaints/${id(complaintId)}`, s.actor));
  }

  @Get('complaints/:complaintId/messages')
  @Roles('citizen', 'manager', ...STAFF)
  @ApiOperation({ summary: 'What the platform sent the citizen about the complaint, newest last' })
  @ApiOkResponse({ type: SentMessagesResponse })
  async messages(@Param('complaintId') complaintId: string, @CurrentSession() s: Session, @Res() res: Response) {
    relay(res, await this.upstream.call('complaints', 'GET', `/complaints/${id(complaintId)}/messages`, s.actor));
  }

  @Get('complaints/:complaintId/evidence/:evidenceId')
  @Roles('citizen', 'manager', ...STAFF)
  @ApiOperation({ summary: "A complaint's photo" })
  @FileResponse([...COMPLAINT_VALUES_V1.evidenceMediaTypes], 'The photo as it was uploaded')
  async photo(
    @Param('complaintId') c: string,
    @Param('evidenceId') e: string,
    @CurrentSession() s: Session,
    @Res() res: Response,
  ) {
    relay(res, await this.upstream.call('complaints', 'GET', `/complaints/${id(c)}/evidence/${id(e)}`, s.actor));
  }

  @Post('complaints/:complaintId/:action')
  @Roles('citizen', ...STAFF)
  @ApiOperation({ summary: 'Reply, withdraw or appeal (citizen); decide (the unit holding the turn)' })
  @ApiAcceptedResponse({ description: 'replies, withdrawal, appeal: handed to the complaint (no body)' })
  @ApiOkResponse({ type: DecisionResultResponse, description: 'decisions: the decision, recorded' })
  async act(
    @Param('complaintId') c: string,
    @Param('action') action: string,
    @Body() body: object,
    @CurrentSession() s: Session,
    @Res() res: Response,
  ) {
    const allowed = s.actor.role === 'citizen' ? ['replies', 'withdrawal', 'appeal'] : ['decisions'];
    if (!allowed.includes(action))
      return void res
        .status(404)
        .type('application/problem+json')
        .json({ type: 'about:blank', title: 'Not found', status: 404 });
    relay(res, await this.upstream.call('complaints', 'POST', `/complaints/${id(c)}/${action}`, s.actor, body));
  }

  @Get('queue')
  @Roles(...STAFF)
  @ApiOperation({ summary: "My unit's complaints, most urgent first" })
  @ApiOkResponse({ type: [QueueItemResponse], description: 'A page of them', headers: NEXT_CURSOR_HEADER_DOC })
  async queue(@Query() q: Record<string, unknown>, @CurrentSession() s: Session, @Res() res: Response) {
    // The complaints service's read model carries what tells rows apart (subject, when filed).
    relay(res, await this.upstream.call('complaints', 'GET', `/queue${pageQuery(q)}`, s.actor));
  }

  @Get('manager/sla/:report')
  @Roles('manager')
  @ApiOperation({ summary: 'SLA summary (groupBy site, commune, district) or breaches over time; JSON or CSV' })
  @JsonOrCsvResponse([SlaSummaryResponse, BreachesResponse], 'summary or breaches: JSON, or CSV with format=csv')
  async sla(
    @Param('report') report: string,
    @Query() q: Record<string, string>,
    @CurrentSession() s: Session,
    @Res() res: Response,
  ) {
    if (!['summary', 'breaches'].includes(report))
      return void res.status(404).json({ type: 'about:blank', title: 'Not found', status: 404 });
    relay(res, await this.upstream.call('complaints', 'GET', `/sla/${report}?${new URLSearchParams(q)}`, s.actor));
  }
}
