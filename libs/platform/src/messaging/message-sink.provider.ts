import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { PostgresEventStore } from '@vax/event-sourcing';
import { EmbeddedBusSink, KafkaMessageSink, type MessageSink } from '@vax/messaging';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { survivingPool } from '../database/database.module';

export const MESSAGE_SINK = Symbol('MESSAGE_SINK');
export const BUS_POOL = Symbol('BUS_POOL');

export interface TransportSettings {
  MESSAGE_TRANSPORT?: 'kafka' | 'embedded';
  KAFKA_BROKERS?: string[];
  BUS_DATABASE_URL?: string;
}

@Injectable()
class SinkCloser implements OnApplicationShutdown {
  constructor(@Inject(MESSAGE_SINK) private readonly sink: MessageSink) {}
  async onApplicationShutdown(): Promise<void> {
    await this.sink.close();
  }
}

@Injectable()
class BusPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(BUS_POOL) private readonly pool: Pool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** Where this process publishes: Kafka on the distributed stack, the bus log on the embedded one. */
export function messageSinkProviders(service: string, settings: TransportSettings): Provider[] {
  if (settings.MESSAGE_TRANSPORT === 'embedded' && settings.BUS_DATABASE_URL) {
    const busUrl = settings.BUS_DATABASE_URL;
    return [
      {
        provide: BUS_POOL,
        useFactory: () =>
          survivingPool(`${service}-bus`, { connectionString: busUrl, max: 5, application_name: `${service}-bus` }),
      },
      {
        provide: MESSAGE_SINK,
        inject: [BUS_POOL],
        useFactory: (pool: Pool) => new EmbeddedBusSink(new PostgresEventStore(pool)),
      },
      SinkCloser,
      BusPoolCloser,
    ];
  }
  if (settings.KAFKA_BROKERS) {
    const kafka = new Kafka({
      clientId: `${service}-producer`,
      brokers: settings.KAFKA_BROKERS,
      logLevel: logLevel.WARN,
      retry: { retries: 8 },
    });
    return [{ provide: MESSAGE_SINK, useValue: new KafkaMessageSink(kafka) }, SinkCloser];
  }
  return [];
}
