import { type AppendOptions, type ExpectedRevision, InMemoryEventStore, type NewEvent } from '@vax/event-sourcing';
import { POLICE_VERIFIER } from '../domain/verification/verification.decider';
import { DEFAULT_MATCH_POLICY } from '../domain/matching/person-matcher';
import type { RegistryPerson } from '../domain/matching/registry-person';
import type { PopulationRegistry } from './ports/population-registry.port';
import { VerificationService } from './verification.service';

/** Remembers how durable each append was asked to be. */
class DurabilityRecordingStore extends InMemoryEventStore {
  readonly asked: Array<{ types: string[]; durability: AppendOptions['durability'] }> = [];
  override async append(stream: string, events: NewEvent[], expected: ExpectedRevision, options?: AppendOptions) {
    this.asked.push({ types: events.map((e) => e.type), durability: options?.durability });
    return super.append(stream, events, expected, options);
  }
}

const person: RegistryPerson = {
  personId: 'p-1',
  idNumber: '012203004567',
  fullName: 'Lò Văn Páo',
  dateOfBirth: '2003-01-02',
  gender: 'male',
};
const registry: PopulationRegistry = {
  findByIdNumber: async (idNumber) => (idNumber === person.idNumber ? person : null),
  findManyByIdNumber: async () => new Map(),
  searchByNameAndBirth: async () => new Map(),
};
const siteStaff = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };
const policeOfficer = { id: 'ca-lc-17', role: POLICE_VERIFIER, scope: 'commune:Bình Lư' };
const complaintsWorker = { id: 'complaints-worker', role: 'system', scope: 'system' };

describe('VerificationService: how durable each record must be before it is answered', () => {
  const store = new DurabilityRecordingStore();
  const service = new VerificationService(store, registry, DEFAULT_MATCH_POLICY, () => ({
    provinceCodes: new Set(['012']),
    today: '2021-11-05',
  }));

  it("records a desk's check without waiting for the disk, and a verifier's review only once it is on disk", async () => {
    const { view } = await service.verify(
      { typed: { idNumber: person.idNumber, fullName: 'Lo Van Pao', dateOfBirth: '2003-01-02', gender: 'male' } },
      siteStaff,
      'corr-1',
    );
    await service.review(view.verificationId, 'confirmed', 'Đối chiếu giấy khai sinh gốc', policeOfficer, 'corr-2');

    expect(store.asked.splice(0)).toEqual([
      { types: ['VerificationRecorded'], durability: 'deferred' },
      { types: ['VerificationReviewed'], durability: undefined },
    ]);
  });

  it('records a check asked by another service (the complaints workflow keeps the answer) only once it is on disk', async () => {
    await service.verify(
      { typed: { idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth } },
      complaintsWorker,
      'corr-3',
    );

    expect(store.asked.splice(0)).toEqual([{ types: ['VerificationRecorded'], durability: 'immediate' }]);
  });
});
