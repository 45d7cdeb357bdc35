import { EVENT_STORE_MIGRATIONS, migrate, PostgresEventStore } from '@vax/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { currentCertificate } from '../../domain/certificate/certification.state';
import type { CertificationReference } from '../../domain/certification-reference';
import type { SigningKeys } from '../keys/signing-keys';
import { loadCertificationReference } from '../../reference/certification-reference.loader';
import vaccines from '../../reference/vaccines.json';
import { DccCertificateSigner } from '../hcert/dcc-certificate-signer';
import { CERTIFICATION_MIGRATIONS } from './certification.migrations';
import { CertificationService, type Source } from '../../application/certification.service';
import { developmentKeys, reference } from '../../application/certification.spec-fixtures';
import { PolicyReissue } from './policy-reissue';

const PEOPLE = 60;
const actor = { id: 'test', role: 'system', scope: 'system' };
const source = (id: string): Source => ({ messageId: id, correlationId: id, actor });
const longer = loadCertificationReference({
  ...vaccines,
  policy: { ...vaccines.policy, certificateValidityMonths: 24 },
});

describe('reissuing every certificate after a policy change (PostgreSQL, two replicas)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let keys: SigningKeys;
  const serviceUnder = (ref: CertificationReference) =>
    new CertificationService(new PostgresEventStore(pool), new DccCertificateSigner(keys, ref, 'LC'), ref);

  beforeAll(async () => {
    db = await createTestDatabase('certification_policy_reissue');
    pool = new Pool({ connectionString: db.url, max: 20 });
    await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...CERTIFICATION_MIGRATIONS]);
    keys = await developmentKeys();
    const before = serviceUnder(reference);
    for (let i = 0; i < PEOPLE; i++) {
      const person = `P${String(i).padStart(6, '0')}`;
      const fact = (n: number) =>
        ({
          kind: 'dose-recorded',
          doseNumber: n,
          vaccineCode: 'COMIRNATY',
          administeredOn: `2021-0${6 + n}-01`,
        }) as const;
      await before.applyInjectionFact(person, fact(1), source(`${person}-d1`));
      await before.applyInjectionFact(person, fact(2), source(`${person}-d2`));
      await before.identifyHolder(
        person,
        { fullName: 'Lò Văn Pao', dateOfBirth: '1980-01-01' },
        source(`${person}-id`),
      );
    }
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('registers the run once; two replicas share the partitions and reissue each person exactly once', async () => {
    const replica = (owner: string) => new PolicyReissue(pool, serviceUnder(longer), { owner, concurrency: 4 });
    const [a, b] = [replica('replica-a'), replica('replica-b')];
    expect(await a.register(8)).toBe(true);
    expect(await b.register(8)).toBe(false);
    const [ta, tb] = await Promise.all([a.drain(), b.drain()]);

    expect(ta.partitions + tb.partitions).toBe(8);
    expect(ta.people + tb.people).toBe(PEOPLE);
    expect(ta.changed + tb.changed).toBe(PEOPLE);
    expect(await a.finished()).toBe(true);
    const { rows } = await pool.query(
      `select count(distinct claimed_by)::int as claimers, sum(people)::int as people from certification_policy_partitions`,
    );
    expect(rows[0]).toEqual({ claimers: 2, people: PEOPLE });

    const service = serviceUnder(longer);
    for (let i = 0; i < PEOPLE; i++) {
      const state = await service.state(`P${String(i).padStart(6, '0')}`);
      expect(state.certificates).toHaveLength(2);
      const [old, current] = [state.certificates[0], currentCertificate(state)!];
      expect(old.revoked).toMatchObject({ reason: 'superseded', replacedBy: current.certificateId });
      expect(Date.parse(current.expiresAt) - Date.parse(current.issuedAt)).toBeGreaterThan(700 * 86_400_000);
    }
  });

  it('a second drain of the same policy finds nothing to do; a new policy version gets a run of its own', async () => {
    const again = new PolicyReissue(pool, serviceUnder(longer), { owner: 'late' });
    expect(await again.drain()).toEqual({ partitions: 0, people: 0, changed: 0 });
    const back = new PolicyReissue(pool, serviceUnder(reference), { owner: 'back' });
    expect(await back.register(4)).toBe(true);
    expect(await back.drain()).toMatchObject({ partitions: 4, people: PEOPLE, changed: PEOPLE });
  });
});
