import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type CorrectionRefused, InjectionsEventsV1 } from '@vax/contracts';
import { Logger } from 'nestjs-pino';
import type { ComplaintWorkflowsPort } from '../../application/ports/complaint-workflows.port';

export const COMPLAINT_WORKFLOWS = Symbol('COMPLAINT_WORKFLOWS');

const CHANGE_TYPES = ['DoseCorrected', 'DoseVoided', 'DoseRecorded'] as const;
const CHANGES: ReadonlySet<string> = new Set(CHANGE_TYPES);
/** The answers a complaint's workflow waits for; the topic's other events are passed over unread. */
const ANSWERS = new Set([...CHANGE_TYPES, 'CorrectionRefused'] as const);

/**
 * Injections' answers to the corrections complaints asked for, delivered to each complaint's
 * workflow as a signal. No inbox: a redelivered answer is a second signal the workflow ignores
 * (it keeps the first correction, and refusals by command id).
 */
@Controller()
export class InjectionsEventsKafkaConsumer {
  constructor(
    @Inject(COMPLAINT_WORKFLOWS) private readonly workflows: ComplaintWorkflowsPort,
    private readonly logger: Logger,
  ) {}

  @EventPattern(InjectionsEventsV1.topic)
  async onInjectionsEvent(@Payload() raw: unknown): Promise<void> {
    const message = InjectionsEventsV1.parseHandled(raw, ANSWERS);
    if (!message) return;
    const complaintId = (message.payload as { complaintId?: string }).complaintId;
    if (!complaintId) return; // a change not asked for by a complaint
    let delivered = true;
    if (CHANGES.has(message.type)) {
      const { recordId } = message.payload as { recordId: string };
      delivered = await this.workflows.recordCorrected(complaintId, { recordId, eventId: message.eventId });
    } else if (message.type === 'CorrectionRefused') {
      const { commandId, problems } = message.payload as CorrectionRefused;
      const problem = problems.map((p) => `${p.field}:${p.rule}`).join('; ');
      delivered = await this.workflows.correctionRefused(complaintId, { commandId, problem, eventId: message.eventId });
    }
    if (!delivered) this.logger.warn({ complaintId, type: message.type }, 'no running workflow for this complaint');
  }
}
