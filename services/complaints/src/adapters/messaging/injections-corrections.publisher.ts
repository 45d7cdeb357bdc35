import { InjectionsCorrectionsV1 } from '@vax/contracts';
import { type MessageSink, publicMessage } from '@vax/messaging';
import { v5 as uuidv5 } from 'uuid';
import type { CorrectionRequest, InjectionsPort } from '../../application/ports/injections.port';

/** Fixed namespace of the ids of correction commands (UUIDv5 of the command id). */
const COMMAND_ID_NAMESPACE = 'b5f3c1f8-5a55-4b52-9d0c-6a4e1c3b2d71';

/**
 * Sends an accepted correction to injections as a command on injections.corrections.v1, keyed by
 * person. Temporal's retries make sending at-least-once; injections applies a command id once. The
 * message is checked against the contract before it leaves (an InvalidMessageError names the field).
 */
export class InjectionsCorrectionsPublisher implements InjectionsPort {
  constructor(
    private readonly sink: MessageSink,
    private readonly sender = { id: 'complaints-worker', role: 'system', scope: 'system' },
  ) {}

  async requestCorrection(request: CorrectionRequest): Promise<void> {
    const message = publicMessage({
      eventId: uuidv5(request.commandId, COMMAND_ID_NAMESPACE),
      ...commandOf(request),
      aggregateId: request.personId,
      occurredAt: new Date(),
      correlationId: request.complaintId,
      actor: this.sender,
    });
    InjectionsCorrectionsV1.parse(JSON.parse(JSON.stringify(message)));
    await this.sink.publish([{ topic: InjectionsCorrectionsV1.topic, key: request.personId, message }]);
  }
}

function commandOf(request: CorrectionRequest): { type: string; payload: object } {
  const { commandId, complaintId, personId, reason, requestedBy, correction } = request;
  const common = { commandId, complaintId, personId, reason, requestedBy };
  switch (correction.action) {
    case 'correct-dose':
      return {
        type: 'CorrectDose',
        payload: {
          ...common,
          doseNumber: correction.doseNumber,
          after: { doseNumber: correction.doseNumber, ...correction.after },
        },
      };
    case 'void-dose':
      return { type: 'VoidDose', payload: { ...common, doseNumber: correction.doseNumber } };
    case 'record-dose':
      return {
        type: 'AddMissingDose',
        payload: {
          ...common,
          dose: { doseNumber: correction.doseNumber, ...correction.dose },
          verificationId: request.verificationId,
        },
      };
    default:
      return assertNever(correction);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
