import { randomUUID } from 'node:crypto';
import {
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformDiagnosticsV1, type PipesPingSent, type PublicMessage } from '@vax/contracts';
import { type MessageSink, publicMessage } from '@vax/messaging';
import { ActorGuard, RequireRoles } from '../auth/actor.guard';
import { validationProblem } from '../http/problem-details';
import { MESSAGE_SINK } from '../messaging/message-sink.provider';
import type { CallerActor } from '../auth/actor-token';
import { PingReceiptResponse, PingSentResponse } from './diagnostics.responses';
import { PipesPingStore } from './pipes-ping.store';

export const DIAGNOSTICS_SERVICE_NAME = Symbol('DIAGNOSTICS_SERVICE_NAME');
const PING_ID_PROBLEM = validationProblem([{ field: 'pingId', rule: 'isUuid', message: 'must be a UUID' }]);
/** Who may send pings through the pipes: an operator of the platform (never a citizen or site staff). */
export const OPERATOR_ROLE = 'operator';

/**
 * Operator endpoints (enabled by DIAGNOSTICS_ENABLED) proving the transport carries messages between
 * services. Behind an operator's token in every profile: a ping is a write to every service's store.
 */
@ApiTags('diagnostics')
@Controller('diagnostics/pings')
@UseGuards(ActorGuard)
@RequireRoles(OPERATOR_ROLE)
export class DiagnosticsController {
  constructor(
    @Inject(MESSAGE_SINK) private readonly sink: MessageSink,
    @Inject(DIAGNOSTICS_SERVICE_NAME) private readonly service: string,
    private readonly store: PipesPingStore,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Publish a ping on platform.diagnostics.v1; every consuming service records its receipt' })
  @ApiAcceptedResponse({ type: PingSentResponse, description: 'The ping published' })
  async publish(
    @Req() req: { id?: string; actor: CallerActor },
  ): Promise<{ pingId: string; from: string; sentAt: string }> {
    const pingId = randomUUID();
    const at = new Date();
    const sentAt = at.toISOString();
    const message = publicMessage<PipesPingSent>({
      eventId: pingId,
      type: 'PipesPingSent',
      aggregateId: pingId,
      occurredAt: at,
      correlationId: req.id ?? pingId,
      actor: req.actor,
      payload: { from: this.service, sentAt },
    });
    await this.sink.publish([{ topic: PlatformDiagnosticsV1.topic, key: pingId, message }]);
    return { pingId, from: this.service, sentAt };
  }

  @Get(':pingId')
  @ApiOperation({ summary: 'The receipt of a ping by this service, once it has consumed it' })
  @ApiOkResponse({ type: PingReceiptResponse, description: 'Received: when, and from which service' })
  async receipt(@Param('pingId', new ParseUUIDPipe({ exceptionFactory: () => PING_ID_PROBLEM })) pingId: string) {
    const receipt = await this.store.find(pingId);
    if (!receipt) throw new NotFoundException(`ping ${pingId} has not been received by ${this.service}`);
    return receipt;
  }

  @EventPattern(PlatformDiagnosticsV1.topic)
  async onPing(@Payload() raw: unknown): Promise<void> {
    const ping = PlatformDiagnosticsV1.parse(raw) as PublicMessage<PipesPingSent>;
    await this.store.record(ping.eventId, ping.payload.from, ping.payload.sentAt);
  }
}
