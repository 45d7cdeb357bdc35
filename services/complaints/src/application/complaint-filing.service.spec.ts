import { ComplaintError } from '../domain/complaint.errors';
import { citizen, cmd, photo } from '../domain/complaint.spec-fixtures';
import type { ComplaintCommandService } from './complaint.command-service';
import { type FilingGuard, type FilingRequest, ComplaintFilingService } from './complaint-filing.service';
import type { ComplaintWorkflowsPort } from './ports/complaint-workflows.port';
import type { EvidenceStoragePort } from './ports/evidence-storage.port';
import type { NotificationPort } from './ports/notifications.port';

/** A guard whose one code is used up by the first confirmation that matches, as the repository's is. */
function oneCodeGuard() {
  const guard = {
    used: false,
    confirmations: 0,
    issuedLastHour: async () => 0,
    issue: async () => '123456',
    confirm: async (_c: string, _p: string, code: string) => {
      guard.confirmations += 1;
      if (guard.used) return 'expired-or-missing';
      if (code !== '123456') return 'wrong';
      guard.used = true;
      return 'confirmed';
    },
    filingsLastDay: async () => 0,
    recordFiling: async () => undefined,
  };
  return guard;
}

function filingService(guard: FilingGuard) {
  const filed = cmd.file({ evidence: [photo(1)] });
  const complaints = {
    load: async () => ({ status: 'none' }),
    execute: async () => ({ state: { ...filed, status: 'filed', citizenId: citizen.id } }),
  } as unknown as ComplaintCommandService;
  const evidence = { ownedBy: async () => [photo(1)] } as unknown as EvidenceStoragePort;
  const workflows = { start: async () => undefined } as unknown as ComplaintWorkflowsPort;
  const notifications = { send: async () => undefined } as NotificationPort;
  return new ComplaintFilingService(complaints, guard, evidence, notifications, workflows);
}

const request = (over: Partial<FilingRequest> = {}): FilingRequest => {
  const { complaintId, stated, contact, subject, description } = cmd.file();
  return { complaintId, stated, contact, subject, description, contactCode: '123456', evidenceIds: ['ev-1'], ...over };
};

describe('filing a complaint with the code sent to the phone', () => {
  it('a filing refused for its content leaves the code usable: fixed and sent again, it is filed', async () => {
    const guard = oneCodeGuard();
    const service = filingService(guard);
    const noAddress = request({ contact: { phone: '0912345678', address: '' } });

    const refusal = await service.file(citizen, noAddress).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(ComplaintError);
    expect((refusal as ComplaintError).problems).toContainEqual(
      expect.objectContaining({ field: 'contact.address', rule: 'required' }),
    );
    expect(guard.confirmations).toBe(0);
    await expect(service.file(citizen, request())).resolves.toMatchObject({ status: 'filed' });
    expect(guard.used).toBe(true);
  });

  it('a wrong code is still refused as not confirmed', async () => {
    const service = filingService(oneCodeGuard());
    await expect(service.file(citizen, request({ contactCode: '000000' }))).rejects.toMatchObject({
      code: 'code-not-confirmed',
    });
  });
});
