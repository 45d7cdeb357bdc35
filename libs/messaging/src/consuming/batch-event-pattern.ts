import { EventPattern } from '@nestjs/microservices';

const BATCH = 'vaxBatchHandler';

/**
 * An @EventPattern whose handler takes several messages of its topic in one call, as an array (in
 * the order read; a key's messages stay in order): many people's doses in one transaction instead
 * of one each. Opt-in, per handler; every other handler still gets one message at a time.
 *
 * The handler must apply each message at most once (by its id, or a key the effect remembers), since
 * a batch that fails is handed over again one message at a time — `[message]` — with the transport's
 * usual retries and dead letters, so one poison message neither blocks nor drops its neighbours.
 */
export const BatchEventPattern = (topic: string): MethodDecorator => EventPattern(topic, { [BATCH]: true });

export const isBatchHandler = (handler: { extras?: Record<string, unknown> }): boolean =>
  handler.extras?.[BATCH] === true;
