import { Body, Controller, Inject, Param, ParseIntPipe, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActorGuard,
  Caller,
  type CallerActor,
  RequireRoles,
  validationProblem,
  answeringRefusals,
} from '@vax/platform';
import { DoseRecordingService } from '../../application/dose-recording.service';
import { checkPersonId, doseRefusal } from './record-http.problems';
import { RecordMergeService } from '../../application/record-merge.service';
import { MergedRecordResponse, RecordDosesResponse, RecoveriesResponse } from './records.responses';
import {
  CorrectDoseRequest,
  MergeRecordsRequest,
  RecordRecoveryRequest,
  VoidDoseRequest,
} from './record-changes.request-dto';

type Req = { id?: string };
const doseNumber = () =>
  new ParseIntPipe({
    exceptionFactory: () =>
      validationProblem([{ field: 'doseNumber', rule: 'isInt', message: 'must be a whole number' }]),
  });

/** Corrections, voids and recovered patients: every change kept with its reason and who made it. */
@ApiTags('records')
@Controller('records/:personId')
@UseGuards(ActorGuard)
export class RecordChangesHttpController {
  constructor(
    @Inject(DoseRecordingService) private readonly records: DoseRecordingService,
    @Inject(RecordMergeService) private readonly merges: RecordMergeService,
  ) {}

  @Post('doses/:doseNumber/corrections')
  @RequireRoles('site-staff')
  @ApiOperation({ summary: "Correct a dose's details, with the reason and the complaint it answers" })
  @ApiCreatedResponse({ type: RecordDosesResponse })
  correct(
    @Param('personId') personId: string,
    @Param('doseNumber', doseNumber()) n: number,
    @Body() body: CorrectDoseRequest,
    @Caller() actor: CallerActor,
    @Req() req: Req,
  ) {
    checkPersonId(personId);
    return answeringRefusals(doseRefusal)(async () => ({
      personId,
      doses: await this.records.correct(personId, n, body, actor, req.id ?? 'none'),
    }));
  }

  @Post('doses/:doseNumber/voids')
  @RequireRoles('site-staff')
  @ApiOperation({ summary: 'Void a dose that was never given; it stays on record, marked voided' })
  @ApiCreatedResponse({ type: RecordDosesResponse })
  void(
    @Param('personId') personId: string,
    @Param('doseNumber', doseNumber()) n: number,
    @Body() body: VoidDoseRequest,
    @Caller() actor: CallerActor,
    @Req() req: Req,
  ) {
    checkPersonId(personId);
    return answeringRefusals(doseRefusal)(async () => ({
      personId,
      doses: await this.records.void(personId, n, body.reason, body.complaintId, actor, req.id ?? 'none'),
    }));
  }

  @Post('recoveries')
  @RequireRoles('site-staff')
  @ApiOperation({ summary: 'Record a recovered COVID-19 patient (F0), by the commune health station' })
  @ApiCreatedResponse({ type: RecoveriesResponse })
  recover(
    @Param('personId') personId: string,
    @Body() body: RecordRecoveryRequest,
    @Caller() actor: CallerActor,
    @Req() req: Req,
  ) {
    checkPersonId(personId);
    return answeringRefusals(doseRefusal)(async () => ({
      personId,
      recoveries: await this.records.recordRecovery(personId, body, actor, req.id ?? 'none'),
    }));
  }

  @Post('merges')
  @RequireRoles('site-staff', 'manager')
  @ApiOperation({ summary: 'Merge another record of the same person into this one; the other is closed, not deleted' })
  @ApiCreatedResponse({ type: MergedRecordResponse })
  merge(
    @Param('personId') personId: string,
    @Body() body: MergeRecordsRequest,
    @Caller() actor: CallerActor,
    @Req() req: Req,
  ) {
    checkPersonId(personId);
    return answeringRefusals(doseRefusal)(async () => ({
      personId,
      mergedPersonId: body.duplicatePersonId,
      doses: await this.merges.merge(personId, body.duplicatePersonId, body.reason, actor, req.id ?? 'none'),
    }));
  }
}
