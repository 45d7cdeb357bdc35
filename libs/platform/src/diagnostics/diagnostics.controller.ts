import { randomUUID } from 'node:crypto';
import { Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Kafka } from 'kafkajs';
import { KAFKA } from '../kafka/kafka.tokens';
import { Topics } from '../kafka/topics';
import { validationProblem } from '../http/problem-details';
import { strictValidationPipe } from '../http/validation.pipe';
import { PipesPing } from './pipes-ping';
import { PipesPingStore } from './pipes-ping.store';

export const DIAGNOSTICS_SERVICE_NAME = Symbol('DIAGNOSTICS_SERVICE_NAME');
const PING_ID_PROBLEM = validationProblem([{ field: 'pingId', rule: 'isUuid', message: 'must be a UUID' }]);

/** Operator endpoints (enabled by DIAGNOSTICS_ENABLED) proving Kafka carries messages between services. */
@ApiTags('diagnostics')
@Controller('diagnostics/pings')
export class DiagnosticsController {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(DIAGNOSTICS_SERVICE_NAME) private readonly service: string,
    private readonly store: PipesPingStore,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Publish a ping on the diagnostics topic; every service records its receipt' })
  async publish(): Promise<PipesPing> {
    const ping: PipesPing = { pingId: randomUUID(), from: this.service, sentAt: new Date().toISOString() };
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({
        topic: Topics.diagnostics,
        acks: -1,
        messages: [{ key: ping.pingId, value: JSON.stringify(ping) }],
      });
    } finally {
      await producer.disconnect();
    }
    return ping;
  }

  @Get(':pingId')
  @ApiOperation({ summary: 'The receipt of a ping by this service, once it has consumed it' })
  async receipt(@Param('pingId', new ParseUUIDPipe({ exceptionFactory: () => PING_ID_PROBLEM })) pingId: string) {
    const receipt = await this.store.find(pingId);
    if (!receipt) throw new NotFoundException(`ping ${pingId} has not been received by ${this.service}`);
    return receipt;
  }

  @EventPattern(Topics.diagnostics)
  async onPing(@Payload(strictValidationPipe()) ping: PipesPing): Promise<void> {
    await this.store.record(ping.pingId, ping.from, ping.sentAt);
  }
}
