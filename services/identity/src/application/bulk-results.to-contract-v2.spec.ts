import { IdentityBulkResultsV2, IdentityEventsV1 } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import type { BulkResult } from '../domain/bulk/bulk-matching';
import { identityEventToContractV1 } from './identity-events.to-contract-v1';

const review: BulkResult = {
  recordId: 'imp:12',
  result: 'ambiguous',
  differences: [],
  candidates: [
    {
      personId: 'p-1',
      score: 19.5,
      evidence: { idNumber: 'missing', fullName: 'exact', dateOfBirth: 'exact', gender: 'agree', place: 'missing' },
      fullName: 'Lò Văn Páo',
      dateOfBirth: '1990-02-03',
      gender: 'male',
      address: 'Bản Nà Luông, Xã Bản Giang, Tam Đường, Lai Châu',
    },
    {
      personId: 'p-2',
      score: 19.5,
      evidence: { idNumber: 'missing', fullName: 'exact', dateOfBirth: 'exact', gender: 'agree', place: 'missing' },
      fullName: 'Lò Văn Páo',
      dateOfBirth: '1990-02-03',
      gender: 'male',
    },
  ],
};
const linked: BulkResult = {
  recordId: 'imp:13',
  result: 'mismatched',
  personId: 'p-3',
  differences: [{ field: 'idNumber', kind: 'missing', stated: '', registry: '' } as never],
};

const stored = (reply?: 'v2'): RecordedEvent =>
  ({
    id: '0192f5a4-7c1e-7d2a-9b3c-1f2e3d4c5b6a',
    type: 'BulkVerificationCompleted',
    data: {
      batchId: 'b-1',
      results: [review, linked],
      completedAt: '2026-12-07T10:00:00.000Z',
      ...(reply ? { reply } : {}),
    },
    metadata: {
      occurredAt: new Date('2026-12-07T10:00:00Z'),
      correlationId: 'c-1',
      causationId: null,
      actor: { id: 'campaign:x', role: 'system', scope: 'province:LC' },
    },
  }) as unknown as RecordedEvent;

describe('a bulk batch answered on the contract it came on', () => {
  it('answers a v2 batch on identity.bulk-results.v2, each row to review with its ranked candidates and their evidence', () => {
    const out = identityEventToContractV1(stored('v2'))!;
    expect(out.topic).toBe('identity.bulk-results.v2');
    const message = IdentityBulkResultsV2.parse(JSON.parse(JSON.stringify(out.message)));
    const [first, second] = (message.payload as { results: { candidates?: object[] }[] }).results;
    expect(first.candidates).toEqual([
      {
        personId: 'p-1',
        score: 19.5,
        evidence: review.candidates![0].evidence,
        fullName: 'Lò Văn Páo',
        dateOfBirth: '1990-02-03',
        gender: 'male',
        district: 'Tam Đường',
      },
      expect.objectContaining({ personId: 'p-2' }),
    ]);
    expect(second).toEqual({
      recordId: 'imp:13',
      result: 'mismatched',
      personId: 'p-3',
      differences: [{ field: 'idNumber', kind: 'missing' }],
    });
  });

  it('never puts a candidate’s ID number or address on the wire', () => {
    const wire = JSON.stringify(identityEventToContractV1(stored('v2'))!.message);
    expect(wire).not.toContain('Bản Nà Luông');
    expect(wire).not.toContain('idNumber":"0');
  });

  it('still answers a batch of before v2 on identity.events.v1, as v1 says', () => {
    const out = identityEventToContractV1(stored())!;
    expect(out.topic).toBe('identity.events.v1');
    expect(() => IdentityEventsV1.parse(JSON.parse(JSON.stringify(out.message)))).not.toThrow();
    expect(JSON.stringify(out.message)).not.toContain('candidates');
  });
});
