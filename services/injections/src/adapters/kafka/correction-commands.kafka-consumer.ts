import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  type AddMissingDoseCommand,
  type CorrectDoseCommand,
  InjectionsCorrectionsV1,
  type VoidDoseCommand,
} from '@vax/contracts';
import {
  type ComplaintCorrectionRequest,
  ComplaintCorrectionsService,
} from '../../application/complaint-corrections.service';

/**
 * Changes complaints ask for. No inbox here: the record itself remembers each command id, in the
 * same append as the change, so a redelivered command changes nothing.
 */
@Controller()
export class CorrectionCommandsKafkaConsumer {
  constructor(@Inject(ComplaintCorrectionsService) private readonly corrections: ComplaintCorrectionsService) {}

  @EventPattern(InjectionsCorrectionsV1.topic)
  async onCorrectionCommand(@Payload() raw: unknown): Promise<void> {
    const message = InjectionsCorrectionsV1.parse(raw);
    const meta = { correlationId: message.correlationId, causationId: message.eventId };
    await this.corrections.apply(toRequest(message.type, message.payload), message.actor, meta);
  }
}

function toRequest(type: string, payload: object): ComplaintCorrectionRequest {
  switch (type) {
    case 'CorrectDose': {
      const p = payload as CorrectDoseCommand;
      const { doseNumber: _number, ...after } = p.after as CorrectDoseCommand['after'] & { doseNumber?: number };
      return { kind: 'CorrectDose', ...common(p), doseNumber: p.doseNumber, after };
    }
    case 'VoidDose': {
      const p = payload as VoidDoseCommand;
      return { kind: 'VoidDose', ...common(p), doseNumber: p.doseNumber };
    }
    default: {
      const p = payload as AddMissingDoseCommand;
      const { doseNumber: _number, ...dose } = p.dose;
      return { kind: 'AddMissingDose', ...common(p), dose, verificationId: p.verificationId };
    }
  }
}

const common = (p: CorrectDoseCommand | VoidDoseCommand | AddMissingDoseCommand) => ({
  commandId: p.commandId,
  complaintId: p.complaintId,
  personId: p.personId,
  reason: p.reason,
});
