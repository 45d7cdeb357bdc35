import { Body, Controller, HttpStatus, Inject, Param, ParseIntPipe, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorGuard, Caller, type CallerActor, ProblemException, RequireRoles, validationProblem } from '@vax/platform';
import { DoseRecordingService } from '../../application/dose-recording.service';
import { DoseRejected } from '../../domain/record/immunization-record.decider';
import { CorrectDoseRequest, RecordRecoveryRequest, VoidDoseRequest } from './record-changes.request-dto';

type Req = { id?: string };
const PERSON_ID = /^[A-Za-z0-9-]{1,100}$/;
const doseNumber = () =>
  new ParseIntPipe({
    exceptionFactory: () =>
      validationProblem([{ field: 'doseNumber', rule: 'isInt', message: 'must be a whole number' }]),
  });

async function rejectedAs422<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DoseRejected)) throw error;
    throw new ProblemException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'change-rejected',
      'The change cannot be recorded',
      error.message,
      error.problems,
    );
  }
}

function checkPersonId(personId: string): void {
  if (!PERSON_ID.test(personId))
    throw validationProblem([{ field: 'personId', rule: 'format', message: 'must be a person id' }]);
}

/** Corrections, voids and recovered patients: every change kept with its reason and who made it. */
@ApiTags('records')
@Controller('records/:personId')
@UseGuards(ActorGuard)
export class RecordChangesHttpController {
  constructor(@Inject(DoseRecordingService) private readonly records: DoseRecordingService) {}

  @Post('doses/:doseNumber/corrections')
  @RequireRoles('site-staff')
  @ApiOperation({ summary: "Correct a dose's details, with the reason and the complaint it answers" })
  correct(
    @Param('personId') personId: string,
    @Param('doseNumber', doseNumber()) n: number,
    @Body() body: CorrectDoseRequest,
    @Caller() actor: CallerActor,
    @Req() req: Req,
  ) {
    checkPersonId(personId);
    return rejectedAs422(async () => ({
      personId,
      doses: await this.records.correct(personId, n, body, actor, req.id ?? 'none'),
    }));
  }

  @Post('doses/:doseNumber/voids')
  @RequireRoles('site-staff')
  @ApiOperation({ summary: 'Void a dose that was never given; it stays on record, marked voided' })
  void(
    @Param('personId') personId: string,
    @Param('doseNumber', doseNumber()) n: number,
    @Body() body: VoidDoseRequest,
    @Caller() actor: CallerActor,
    @Req() req: Req,
  ) {
    checkPersonId(personId);
    return rejectedAs422(async () => ({
      personId,
      doses: await this.records.void(personId, n, body.reason, body.complaintId, actor, req.id ?? 'none'),
    }));
  }

  @Post('recoveries')
  @RequireRoles('site-staff')
  @ApiOperation({ summary: 'Record a recovered COVID-19 patient (F0), by the commune health station' })
  recover(
    @Param('personId') personId: string,
    @Body() body: RecordRecoveryRequest,
    @Caller() actor: CallerActor,
    @Req() req: Req,
  ) {
    checkPersonId(personId);
    return rejectedAs422(async () => ({
      personId,
      recoveries: await this.records.recordRecovery(personId, body, actor, req.id ?? 'none'),
    }));
  }
}
