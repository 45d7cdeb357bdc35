import { InjectionsCorrectionsV1, InvalidMessageError } from '@vax/contracts';
import type { MessageSink, OutgoingMessage } from '@vax/messaging';
import type { CorrectionRequest } from '../../application/ports/injections.port';
import { InjectionsCorrectionsPublisher } from './injections-corrections.publisher';

const facts = { vaccineCode: 'AZD1222', lotNumber: 'ABV5811', administeredOn: '2021-10-01', siteId: 'LC-TD-01' };
const request = (over: Partial<CorrectionRequest> = {}): CorrectionRequest => ({
  commandId: 'complaint-c-1/9:request-correction',
  complaintId: 'c-1',
  personId: 'p-1',
  correction: { action: 'correct-dose', doseNumber: 2, after: facts },
  reason: 'Sửa theo phản ánh c-1',
  requestedBy: 'staff-17',
  verificationId: 'v-1',
  ...over,
});

function publisher() {
  const sent: OutgoingMessage[] = [];
  const sink: MessageSink = { publish: async (m) => void sent.push(...m), close: async () => undefined };
  return { sent, publisher: new InjectionsCorrectionsPublisher(sink) };
}

describe('correction commands to injections', () => {
  it('sends each kind of correction as its injections.corrections.v1 command, keyed by person', async () => {
    const { sent, publisher: p } = publisher();
    await p.requestCorrection(request());
    await p.requestCorrection(request({ commandId: 'k-2', correction: { action: 'void-dose', doseNumber: 3 } }));
    await p.requestCorrection(
      request({ commandId: 'k-3', correction: { action: 'record-dose', doseNumber: 2, dose: facts } }),
    );
    const parsed = sent.map((m) => InjectionsCorrectionsV1.parse(JSON.parse(JSON.stringify(m.message))));
    expect(parsed.map((m) => m.type)).toEqual(['CorrectDose', 'VoidDose', 'AddMissingDose']);
    expect(sent.every((m) => m.key === 'p-1' && m.topic === 'injections.corrections.v1')).toBe(true);
    expect(parsed[0].payload).toMatchObject({
      commandId: request().commandId,
      doseNumber: 2,
      after: { lotNumber: 'ABV5811' },
    });
    expect(parsed[2].payload).toMatchObject({ verificationId: 'v-1', dose: { doseNumber: 2 } });
  });

  it('gives the same command the same message id, so a resend is recognised', async () => {
    const { sent, publisher: p } = publisher();
    await p.requestCorrection(request());
    await p.requestCorrection(request());
    expect(sent[0].message.eventId).toBe(sent[1].message.eventId);
  });

  it('sends nothing that breaks the contract', async () => {
    const { sent, publisher: p } = publisher();
    await expect(p.requestCorrection(request({ reason: 'ngắn' }))).rejects.toBeInstanceOf(InvalidMessageError);
    expect(sent).toEqual([]);
  });
});
