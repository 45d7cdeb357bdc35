import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActorGuard,
  Caller,
  type CallerActor,
  PageRequest,
  PersonAccessStore,
  PersonReadsResponse,
  ProblemException,
  RequireRoles,
  may,
  keysetPage,
  answeringRefusals,
} from '@vax/platform';
import type { Response } from 'express';
import { AttestationService } from '../../application/attestation.service';
import { DoseRecordingService } from '../../application/dose-recording.service';
import { DoseRejected } from '../../domain/record/immunization-record.decider';
import { checkPersonId, doseRefusal, isPersonId } from './record-http.problems';
import { RecordAsOfRequest } from './record-as-of.request-dto';
import { RecordDoseRequest, SyncDosesRequest } from './record-dose.request-dto';
import { RecordResponse, RecordedDoseAnswer } from '@vax/contracts/injections/http-v1.responses';
import { SyncDosesResponse } from './records.responses';

type Req = { id?: string };
@ApiTags('records')
@Controller()
@UseGuards(ActorGuard)
export class RecordsHttpController {
  constructor(
    @Inject(DoseRecordingService) private readonly doses: DoseRecordingService,
    @Inject(AttestationService) private readonly attestations: AttestationService,
    @Inject(PersonAccessStore) private readonly access: PersonAccessStore,
  ) {}

  @Post('records/:personId/doses')
  @RequireRoles('site-staff')
  @ApiOperation({ summary: 'Record a dose given at the site, on a fresh positive identity verification' })
  @ApiCreatedResponse({ type: RecordedDoseAnswer, description: 'Recorded now' })
  @ApiOkResponse({ type: RecordedDoseAnswer, description: 'The same doseId again: recorded before, nothing added' })
  async record(
    @Param('personId') personId: string,
    @Body() body: RecordDoseRequest,
    @Caller() actor: CallerActor,
    @Req() req: Req,
    @Res({ passthrough: true }) res: Response,
  ) {
    checkPersonId(personId);
    const result = await answeringRefusals(doseRefusal)(() =>
      this.doses.record(personId, body, actor, req.id ?? 'none'),
    );
    res.status(result.outcome === 'recorded' ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }

  @Get('records/:personId')
  @RequireRoles('site-staff', 'site-head', 'manager', 'system', 'citizen')
  @ApiOperation({ summary: "A person's record (doses, attestations, recoveries), now or as it stood at `asOf`" })
  @ApiOkResponse({ type: RecordResponse })
  async history(@Param('personId') personId: string, @Caller() actor: CallerActor, @Query() q: RecordAsOfRequest) {
    checkPersonId(personId);
    await this.mayRead(personId, actor);
    const at = q.asOf === undefined ? undefined : new Date(q.asOf);
    const record = await this.doses.recordAt(personId, at);
    const attested = at ? new Map<string, string>() : await this.attestations.coveringDoses(personId);
    return {
      personId,
      asOf: at?.toISOString() ?? null,
      mergedInto: record.mergedInto,
      doses: record.doses.map((d) => ({ ...d, attestationId: attested.get(d.doseId) ?? null })),
      recoveries: record.recoveries,
    };
  }

  @Get('records/:personId/reads')
  @RequireRoles('citizen')
  @ApiOperation({
    summary: 'Who looked at my record: each read by staff or a manager, with the ground that allowed it',
  })
  @ApiOkResponse({ type: PersonReadsResponse })
  async reads(@Param('personId') personId: string, @Query() q: PageRequest, @Caller() actor: CallerActor) {
    checkPersonId(personId);
    if (actor.scope !== `person:${personId}`) throw forbidden('a citizen sees only their own record');
    const { items, nextCursor } = await this.access.readsOf(personId, keysetPage(q, ['string', 'number']));
    return { personId, reads: items, nextCursor };
  }

  /** The scope model decides; a read by anyone but the person or a service is recorded with its ground. */
  private async mayRead(personId: string, actor: CallerActor): Promise<void> {
    const decision = may(actor, 'read', await this.access.resourceOf(personId));
    if (!decision.allowed) throw forbidden(decision.reason);
    if (decision.ground !== 'self' && decision.ground !== 'service') {
      await this.access.recordRead(personId, actor, 'record', decision.ground);
    }
  }

  @Post('sync/doses')
  @RequireRoles('site-staff')
  @ApiOperation({
    summary: 'Doses recorded offline at a mobile site: each accepted, already present, or rejected with its reasons',
  })
  @ApiCreatedResponse({ type: SyncDosesResponse })
  async sync(@Body() body: SyncDosesRequest, @Caller() actor: CallerActor, @Req() req: Req) {
    const results = [];
    for (const { personId, ...dose } of body.doses) {
      try {
        if (!isPersonId(personId))
          throw new DoseRejected([{ field: 'personId', rule: 'format', message: 'must be a person id' }]);
        const { outcome, dose: recorded } = await this.doses.record(personId, dose, actor, req.id ?? 'none');
        results.push({
          doseId: dose.doseId,
          result: outcome === 'recorded' ? 'accepted' : 'already-present',
          doseNumber: recorded.doseNumber,
        });
      } catch (error) {
        if (!(error instanceof DoseRejected)) throw error;
        results.push({ doseId: dose.doseId, result: 'rejected', problems: error.problems });
      }
    }
    return { results };
  }
}

const forbidden = (reason: string) => new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Not allowed', reason);
