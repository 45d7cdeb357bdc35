import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '@vax/event-sourcing';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { PostgresAccounts } from './accounts.table';
import { PORTAL_MIGRATIONS } from './portal.migrations';
import { PostgresSignInCodes } from './sign-in-codes.table';
import { PostgresSignInLimits } from './sign-in-limits.table';
import { DEFAULT_SIGN_IN_POLICY as policy } from '../../domain/sign-in-policy';
import type { PersonContacts } from '../../application/ports/person-contacts.port';
import { SignInRefused, SignInService } from '../../application/sign-in.service';

// Sign-in against a real PostgreSQL, with many attempts at once: every limit is one atomic change,
// so parallel guesses are all counted, and nothing tells an existing account or ID from another.
// The PostgreSQL adapters are real; the registry's contacts are a fake.

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const registered = { idNumber: '012203004567', personId: 'P000000001', phone: '0912345678' };

describe('signing in under attack', () => {
  let db: TestDatabase;
  let pool: Pool;
  let sms: { phone: string; text: string }[];
  let service: SignInService;

  beforeAll(async () => {
    db = await createTestDatabase('portal_sign_in');
    pool = new Pool({ connectionString: db.url, max: 10 });
    await migrate(pool, PORTAL_MIGRATIONS);
    const seed = join(tmpdir(), `sign-in-accounts-${process.pid}.json`);
    const account = { displayName: 'Y tá', role: 'site-staff', scope: 'site:LC-TD-01' };
    writeFileSync(seed, JSON.stringify({ accounts: [{ ...account, username: 'tyt.binhlu', password: 'right-pass' }] }));
    await new PostgresAccounts(pool).seed(seed);
    const contacts: PersonContacts = {
      contactOf: async (idNumber) =>
        idNumber === registered.idNumber ? { personId: registered.personId, phone: registered.phone } : null,
    };
    service = new SignInService(
      new PostgresAccounts(pool),
      new PostgresSignInCodes(pool, SECRET),
      new PostgresSignInLimits(pool, policy, SECRET),
      { delivers: false, sendSms: async (phone, text) => void sms.push({ phone, text }) },
      contacts,
      policy,
    );
  }, 60_000);
  beforeEach(() => (sms = []));
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const outcome = (attempt: Promise<unknown>) =>
    attempt.then(
      () => 'signed-in',
      (e: unknown) => (e instanceof SignInRefused ? e.reason : Promise.reject(e)),
    );
  // Each guess from its own client: the per-client limit is tested apart.
  const guesses = (n: number, username: string, password: string) =>
    Promise.all(Array.from({ length: n }, (_, i) => outcome(service.staff(username, password, `10.1.${n}.${i}`))));

  it('locks an account after fifty parallel wrong passwords, so the right one is then refused', async () => {
    const answers = await guesses(50, 'tyt.binhlu', 'wrong-pass');
    expect(answers.filter((a) => a === 'wrong-credentials')).toHaveLength(policy.maxPasswordFailures - 1);
    expect(answers.filter((a) => a === 'locked')).toHaveLength(50 - (policy.maxPasswordFailures - 1));
    await expect(outcome(service.staff('tyt.binhlu', 'right-pass', '10.9.9.9'))).resolves.toBe('locked');
  }, 60_000); // fifty scrypt hashes on two busy cores

  it('treats an unknown username exactly like a known one: it locks too', async () => {
    const answers = await guesses(50, 'no.such.user', 'whatever');
    expect(answers.filter((a) => a === 'wrong-credentials')).toHaveLength(policy.maxPasswordFailures - 1);
    expect(answers.filter((a) => a === 'locked')).toHaveLength(50 - (policy.maxPasswordFailures - 1));
  }, 60_000);

  it('limits the attempts of one client, whatever the usernames', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => outcome(service.staff(`user-${i}`, 'x', '10.2.0.1'))),
    );
    expect(answers.filter((a) => a === 'too-many-attempts')).toHaveLength(30 - policy.signInsPerClientPerMinute);
  }, 60_000);

  it('answers a code request alike whether or not the ID number is registered', async () => {
    await expect(service.sendCode(registered.idNumber, '10.3.0.1')).resolves.toBeUndefined();
    await expect(service.sendCode('012203999999', '10.3.0.2')).resolves.toBeUndefined();
    expect(sms.map((m) => m.phone)).toEqual([registered.phone]);
  });

  it('spends a code after five parallel wrong guesses, so the right code no longer signs in', async () => {
    await service.sendCode(registered.idNumber, '10.4.0.1');
    const code = /(\d{6})/.exec(sms[0].text)![1];
    const wrong = code === '000000' ? '000001' : '000000';
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outcome(service.citizen(registered.idNumber, wrong, `10.4.1.${i}`))),
    );
    expect(answers.every((a) => a !== 'signed-in')).toBe(true);
    await expect(outcome(service.citizen(registered.idNumber, code, '10.4.2.1'))).resolves.toBe('code-expired');
  });

  it('signs in once with a code, even when the same code is sent twice at once', async () => {
    await service.sendCode(registered.idNumber, '10.5.0.1');
    const code = /(\d{6})/.exec(sms[0].text)![1];
    const answers = await Promise.all([
      outcome(service.citizen(registered.idNumber, code, '10.5.1.1')),
      outcome(service.citizen(registered.idNumber, code, '10.5.1.2')),
    ]);
    expect(answers.filter((a) => a === 'signed-in')).toHaveLength(1);
  });

  it("keeps one client from spending a citizen's codes, and tells the citizen when many clients do", async () => {
    const fromOne = await Promise.all(
      Array.from({ length: 6 }, () => outcome(service.sendCode(registered.idNumber, '10.6.0.1'))),
    );
    expect(fromOne.filter((a) => a === 'too-many-codes')).toHaveLength(6 - policy.codesPerClientAndPerson);
    // Many clients together reach the person's daily limit: further codes wait, and the owner is told once.
    const fromMany = [];
    for (let i = 0; i < 12; i++) fromMany.push(await outcome(service.sendCode(registered.idNumber, `10.7.0.${i}`)));
    expect(fromMany.filter((a) => a === 'too-many-codes').length).toBeGreaterThan(0);
    const notices = sms.filter((m) => m.text.includes('tam dung'));
    expect(notices).toEqual([expect.objectContaining({ phone: registered.phone })]);
  });
});
