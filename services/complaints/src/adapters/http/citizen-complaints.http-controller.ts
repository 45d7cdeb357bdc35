import {
  Body,
  Controller,
  Get,
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
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActorGuard,
  Caller,
  type CallerActor,
  NEXT_CURSOR_HEADER_DOC,
  PageRequest,
  RequireRoles,
  itemsWithNextCursor,
  keysetPage,
  answeringRefusals,
} from '@vax/platform';
import {
  CitizenComplaintListing,
  ComplaintViewResponse,
  UploadedEvidenceResponse,
} from '@vax/contracts/complaints/http-v1.responses';
import type { Request, Response } from 'express';
import { ComplaintFilingService } from '../../application/complaint-filing.service';
import { ComplaintRequestsService } from '../../application/complaint-requests.service';
import { complaintView } from '../../application/complaint.view';
import { SlaReportQuery } from '../postgres/sla-report.query';
import { checkComplaintId, complaintRefusal } from './complaint-http.problems';
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
  @ApiAcceptedResponse({ description: 'The code is on its way (no body)' })
  sendCode(@Body() body: ContactCodeRequest, @Caller() citizen: CallerActor) {
    return answeringRefusals(complaintRefusal)(
      async () => void (await this.filing.sendContactCode(citizen, body.phone)),
    );
  }

  @Post('evidence')
  @ApiOperation({ summary: 'Upload a photo (paper certificate, screening form): JPEG, PNG or HEIC, at most 5 MB' })
  @ApiCreatedResponse({ type: UploadedEvidenceResponse, description: 'The photo kept (the first one, if sent before)' })
  upload(@Body() body: UploadEvidenceRequest, @Caller() citizen: CallerActor) {
    return answeringRefusals(complaintRefusal)(() =>
      this.filing.upload(citizen, Buffer.from(body.contentBase64, 'base64')),
    );
  }

  @Post()
  @ApiOperation({ summary: 'File a complaint (phone confirmed by its code; 5 a day); its workflow starts' })
  @ApiCreatedResponse({
    type: ComplaintViewResponse,
    description: 'The complaint filed (the same complaintId sent again answers the complaint as it stands)',
  })
  file(@Body() body: FileComplaintRequest, @Caller() citizen: CallerActor) {
    return answeringRefusals(complaintRefusal)(async () => complaintView(await this.filing.file(citizen, body)));
  }

  @Get('mine')
  @ApiOperation({ summary: "The citizen's complaints, newest first" })
  @ApiOkResponse({
    type: [CitizenComplaintListing],
    description: "A page of the caller's complaints",
    headers: NEXT_CURSOR_HEADER_DOC,
  })
  async mine(
    @Caller() citizen: CallerActor,
    @Query() q: PageRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const page = keysetPage(q, ['string', 'string']);
    return itemsWithNextCursor(res, req.originalUrl, await this.reports.ofCitizen(citizen.id, page));
  }

  @Post(':complaintId/replies')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Answer the question of the unit handling the complaint (restarts its clock)' })
  @ApiAcceptedResponse({ description: 'The reply is handed to the complaint (no body)' })
  reply(@Param('complaintId') id: string, @Body() body: ReplyRequest, @Caller() citizen: CallerActor) {
    return answeringRefusals(complaintRefusal)(() =>
      this.requests.reply(checkComplaintId(id), citizen, body.message, body.evidenceIds),
    );
  }

  @Post(':complaintId/withdrawal')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Withdraw the complaint (any time before it closes)' })
  @ApiAcceptedResponse({ description: 'The withdrawal is handed to the complaint (no body)' })
  withdraw(@Param('complaintId') id: string, @Body() body: WithdrawRequest, @Caller() citizen: CallerActor) {
    return answeringRefusals(complaintRefusal)(() =>
      this.requests.withdraw(checkComplaintId(id), citizen, body.reason),
    );
  }

  @Post(':complaintId/appeal')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Appeal a rejection within the window: the complaint reopens one level up' })
  @ApiAcceptedResponse({ description: 'The appeal is handed to the complaint (no body)' })
  appeal(@Param('complaintId') id: string, @Body() body: AppealRequest, @Caller() citizen: CallerActor) {
    return answeringRefusals(complaintRefusal)(() => this.requests.appeal(checkComplaintId(id), citizen, body.grounds));
  }
}
