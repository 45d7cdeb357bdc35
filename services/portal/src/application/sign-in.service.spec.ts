import { DEFAULT_SIGN_IN_POLICY as policy } from '../domain/sign-in-policy';
import { hashPassword } from './password-hash';
import type { Account, Accounts } from './ports/accounts.port';
import type { NotificationSender } from './ports/notification-sender.port';
import type { PersonContacts } from './ports/person-contacts.port';
import type { ClaimedCode, SignInCodes } from './ports/sign-in-codes.port';
import type { LimitOutcome, SignInLimits } from './ports/sign-in-limits.port';
import { SignInRefused, SignInService } from './sign-in.service';

// The sign-in use case through its ports, with fakes in memory; the PostgreSQL adapters under
// parallel attack are adapters/postgres/sign-in.int-spec.ts.

const registered = { idNumber: '012203004567', personId: 'P000000001', phone: '0912345678' };
const allowed: LimitOutcome = { limited: false, remaining: 1 };

function signIn(options: { accounts?: Account[]; codeLimit?: LimitOutcome & { limit?: 'client' | 'person' } } = {}) {
  const sms: { phone: string; text: string }[] = [];
  const kept = new Map<string, ClaimedCode>();
  const codes: SignInCodes = {
    hash: (value) => `hash(${value})`,
    put: async (idNumber, code, personId, expiresAt) =>
      void kept.set(idNumber, { codeHash: `hash(${idNumber}:${code})`, personId, expiresAt, attempt: 0 }),
    claimAttempt: async (idNumber) => {
      const code = kept.get(idNumber);
      if (code) code.attempt += 1;
      return code && { ...code };
    },
    spend: async (idNumber, codeHash) => {
      const code = kept.get(idNumber);
      if (code?.codeHash !== codeHash) return false;
      Object.assign(code, { codeHash: '', attempt: Number.POSITIVE_INFINITY });
      return true;
    },
  };
  const limits: SignInLimits = {
    signInAttempt: async () => allowed,
    lockedFor: async () => null,
    passwordFailed: async () => null,
    passwordAccepted: async () => undefined,
    codeRequested: async () => options.codeLimit ?? allowed,
  };
  const accounts: Accounts = { find: async (username) => options.accounts?.find((a) => a.username === username) };
  const sender: NotificationSender = {
    delivers: false,
    sendSms: async (phone, text) => void sms.push({ phone, text }),
  };
  const contacts: PersonContacts = {
    contactOf: async (idNumber) => (idNumber === registered.idNumber ? registered : null),
  };
  const service = new SignInService(
    accounts,
    codes,
    limits,
    sender,
    contacts,
    policy,
    () => new Date('2026-12-07T10:00:00Z'),
  );
  return { service, sms };
}

const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'signed-in',
    (e: unknown) => (e instanceof SignInRefused ? e.reason : Promise.reject(e)),
  );

describe('signing in (use case through its ports)', () => {
  it('sends a code to the phone on record, and signs the citizen in with it once, by the end of the number only', async () => {
    const { service, sms } = signIn();
    await service.sendCode(registered.idNumber, 'client-1');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.phone).toBe(registered.phone);
    const code = /Ma dang nhap[^:]*: (\d{6})/.exec(sms[0]!.text)![1]!;

    const who = await service.citizen(registered.idNumber, code, 'client-1');
    expect(who).toEqual({
      actor: { id: registered.personId, role: 'citizen', scope: `person:${registered.personId}` },
      displayName: 'CCCD •••567',
    });
    expect(await refusal(service.citizen(registered.idNumber, code, 'client-1'))).toBe('code-expired');
  });

  it('answers a number the registry does not hold as it answers one it does, and sends nothing', async () => {
    const { service, sms } = signIn();
    await expect(service.sendCode('012203009999', 'client-1')).resolves.toBeUndefined();
    expect(sms).toEqual([]);
    expect(await refusal(service.citizen('012203009999', '123456', 'client-1'))).toBe('wrong-credentials');
  });

  it("refuses a code past the person's daily limit and tells the owner's phone once", async () => {
    const paused = { limited: true as const, retryAfterSeconds: 3600, firstRefusal: true, limit: 'person' as const };
    const { service, sms } = signIn({ codeLimit: paused });
    const refused = await service.sendCode(registered.idNumber, 'client-2').catch((e: SignInRefused) => e);
    expect(refused).toMatchObject({ reason: 'too-many-codes', retryAfterSeconds: 3600 });
    expect(sms).toEqual([{ phone: registered.phone, text: expect.stringContaining('tam dung') }]);
  });

  it('answers a wrong password and an unknown username alike', async () => {
    const account = { username: 'tyt.binhlu', displayName: 'Y tá', role: 'site-staff', scope: 'site:LC-TD-01' };
    const { service } = signIn({ accounts: [{ ...account, passwordHash: await hashPassword('right-pass') }] });
    expect(await refusal(service.staff('tyt.binhlu', 'wrong-pass', 'client-1'))).toBe('wrong-credentials');
    expect(await refusal(service.staff('nobody', 'wrong-pass', 'client-1'))).toBe('wrong-credentials');
    await expect(service.staff('tyt.binhlu', 'right-pass', 'client-1')).resolves.toEqual({
      actor: { id: 'tyt.binhlu', role: 'site-staff', scope: 'site:LC-TD-01' },
      displayName: 'Y tá',
    });
  });
});
