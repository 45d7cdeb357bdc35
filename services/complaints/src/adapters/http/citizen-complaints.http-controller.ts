import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorGuard, Caller, type CallerActor, RequireRoles } from '@vax/platform';
import { ComplaintFilingService } from '../../application/complaint-filing.service';
import { ComplaintRequestsService } from '../../application/complaint-requests.service';
import { complaintView } from '../../application/complaint.view';
import { SlaReportQuery } from '../../application/sla-report.query';
import { answering, checkComplaintId } from './complaint-http.problems';
import {
  AppealRequest,
  ContactCodeRequest,
  FileComplaintRequest,
  ReplyRequest,
  UploadEvidenceRequest,
  WithdrawRequest,
} from './file-complaint.request-dto';

/** What citizens do with their complaints: file, follow, answer, withdraw, appeal. */
@ApiTags('complaints (citizens)')
@Controller('complaints')
@UseGuards(ActorGuard)
@RequireRoles('citizen')
export class CitizenComplaintsHttpController {
  constructor(
    @Inject(ComplaintFilingService) private readonly filing: ComplaintFilingService,
    @Inject(ComplaintRequestsService) private readonly requests: ComplaintRequestsService,
    @Inject(SlaReportQuery) private readonly reports: SlaReportQuery,
  ) {}

  @Post('contact-codes')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a one-time code to the phone a complaint will give (3 an hour)' })
  sendCode(@Body() body: ContactCodeRequest, @Caller() citizen: CallerActor) {
    return answering(async () => void (await this.filing.sendContactCode(citizen, body.phone)));
  }

  @Post('evidence')
  @ApiOperation({ summary: 'Upload a photo (paper certificate, screening form): JPEG, PNG or HEIC, at most 5 MB' })
  upload(@Body() body: UploadEvidenceRequest, @Caller() citizen: CallerActor) {
    return answering(() => this.filing.upload(citizen, Buffer.from(body.contentBase64, 'base64')));
  }

  @Post()
  @ApiOperation({ summary: 'File a complaint (phone confirmed by its code; 5 a day); its workflow starts' })
  file(@Body() body: FileComplaintRequest, @Caller() citizen: CallerActor) {
    return answering(async () => complaintView(await this.filing.file(citizen, body)));
  }

  @Get('mine')
  @ApiOperation({ summary: "The citizen's complaints, newest first" })
  mine(@Caller() citizen: CallerActor) {
    return this.reports.ofCitizen(citizen.id);
  }

  @Post(':complaintId/replies')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Answer the question of the unit handling the complaint (restarts its clock)' })
  reply(@Param('complaintId') id: string, @Body() body: ReplyRequest, @Caller() citizen: CallerActor) {
    return answering(() => this.requests.reply(checkComplaintId(id), citizen, body.message, body.evidenceIds));
  }

  @Post(':complaintId/withdrawal')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Withdraw the complaint (any time before it closes)' })
  withdraw(@Param('complaintId') id: string, @Body() body: WithdrawRequest, @Caller() citizen: CallerActor) {
    return answering(() => this.requests.withdraw(checkComplaintId(id), citizen, body.reason));
  }

  @Post(':complaintId/appeal')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Appeal a rejection within the window: the complaint reopens one level up' })
  appeal(@Param('complaintId') id: string, @Body() body: AppealRequest, @Caller() citizen: CallerActor) {
    return answering(() => this.requests.appeal(checkComplaintId(id), citizen, body.grounds));
  }
}
