import { InvalidMessageError } from '@vax/contracts';
import type { Logger } from 'nestjs-pino';
import type { ComplaintWorkflowsPort } from '../../application/ports/complaint-workflows.port';
import { InjectionsEventsKafkaConsumer } from './injections-events.kafka-consumer';

const dose = {
  doseNumber: 2,
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn: '2021-10-01',
  siteId: 'LC-TD-01',
};
const message = (type: string, payload: object) => ({
  eventId: '0192f5a4-7c1e-7d2a-9b3c-1f2e3d4c5b6a',
  type,
  aggregateId: 'p-1',
  occurredAt: '2025-03-10T02:00:00.000Z',
  correlationId: 'corr',
  causationId: null,
  actor: { id: 'injections', role: 'system', scope: 'system' },
  payload,
});

function consumer(running = true) {
  const told: [string, string, object][] = [];
  const workflows: ComplaintWorkflowsPort = {
    start: async () => undefined,
    recordCorrected: async (id, c) => (told.push(['recordCorrected', id, c]), running),
    correctionRefused: async (id, r) => (told.push(['correctionRefused', id, r]), running),
    decide: async () => (running ? { outcome: 'accepted' as const } : 'not-running'),
    reply: async () => running,
    withdraw: async () => running,
    appeal: async () => running,
    failedStep: async () => running,
  };
  const warnings: unknown[] = [];
  const logger = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;
  return { told, warnings, consumer: new InjectionsEventsKafkaConsumer(workflows, logger) };
}

describe("injections' answers to complaints, as workflow signals", () => {
  it("signals the complaint's workflow that its dose was corrected", async () => {
    const { told, consumer: c } = consumer();
    const corrected = {
      recordId: 'p-1/2',
      personId: 'p-1',
      before: dose,
      after: dose,
      reason: 'phản ánh',
      complaintId: 'c-1',
    };
    await c.onInjectionsEvent(message('DoseCorrected', corrected));
    expect(told).toEqual([
      ['recordCorrected', 'c-1', { recordId: 'p-1/2', eventId: '0192f5a4-7c1e-7d2a-9b3c-1f2e3d4c5b6a' }],
    ]);
  });

  it('signals a refusal with its command id and the broken rules', async () => {
    const { told, consumer: c } = consumer();
    const refused = {
      commandId: 'complaint-c-1/7:request-correction',
      complaintId: 'c-1',
      personId: 'p-1',
      problems: [{ field: 'lotNumber', rule: 'known', message: 'unknown lot' }],
    };
    await c.onInjectionsEvent(message('CorrectionRefused', refused));
    expect(told).toEqual([
      [
        'correctionRefused',
        'c-1',
        { commandId: refused.commandId, problem: 'lotNumber:known', eventId: expect.any(String) },
      ],
    ]);
  });

  it('leaves changes no complaint asked for alone, says when no workflow is running, and refuses broken messages', async () => {
    const { told, warnings, consumer: c } = consumer(false);
    await c.onInjectionsEvent(
      message('DoseVoided', { recordId: 'p-1/2', personId: 'p-1', doseNumber: 2, reason: 'trùng' }),
    );
    expect(told).toEqual([]);
    await c.onInjectionsEvent(
      message('DoseVoided', { recordId: 'p-1/2', personId: 'p-1', doseNumber: 2, reason: 'trùng', complaintId: 'c-9' }),
    );
    expect(warnings).toEqual([[{ complaintId: 'c-9', type: 'DoseVoided' }, 'no running workflow for this complaint']]);
    await expect(c.onInjectionsEvent(message('DoseCorrected', { recordId: 'x' }))).rejects.toBeInstanceOf(
      InvalidMessageError,
    );
  });

  it('passes over the events it does not wait for, such as an attestation its v1 contract refuses', async () => {
    const { told, warnings, consumer: c } = consumer();
    const attested = {
      attestationId: 'att-1',
      siteId: 'LC-TD-01',
      recordIds: ['p-1/1', 'p-2/1'],
      attestedBy: 'head-LC-TD-01',
      contentSha256: 'a'.repeat(64),
      attestedAt: '2021-11-05T10:00:00.000Z',
    };
    await expect(c.onInjectionsEvent(message('RecordsAttested', attested))).resolves.toBeUndefined();
    expect([told, warnings]).toEqual([[], []]);
  });
});
