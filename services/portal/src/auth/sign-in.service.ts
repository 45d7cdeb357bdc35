import { randomInt, timingSafeEqual } from 'node:crypto';
import type { CallerActor } from '@vax/platform';
import { AccountStore } from '../accounts/account.store';
import { passwordMatches } from '../accounts/password-hash';
import {
  type SignInPolicy,
  decideCodeAttempt,
  decidePasswordAttempt,
  maskPhone,
  maySendCode,
} from '../domain/sign-in-policy';
import type { NotificationSender } from '../notifications/notification.port';
import type { UpstreamClient } from '../upstream/upstream.client';
import type { SignInCodeStore } from './sign-in-code.store';

export type SignInFailure = 'wrong-credentials' | 'locked' | 'too-many-codes' | 'code-expired' | 'no-phone';
export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInFailure,
    readonly until?: Date,
  ) {
    super(reason);
  }
}

const PORTAL_ACTOR: CallerActor = { id: 'portal', role: 'system', scope: 'province' };
// Compared even when the account does not exist, so timing does not tell which usernames are real.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Staff sign in with a password (locked after repeated failures); citizens with a code sent to the phone on record. */
export class SignInService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly codes: SignInCodeStore,
    private readonly sender: NotificationSender,
    private readonly upstream: UpstreamClient,
    private readonly policy: SignInPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async staff(username: string, password: string): Promise<{ actor: CallerActor; displayName: string }> {
    const account = await this.accounts.find(username);
    const matches = await passwordMatches(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account) throw new SignInRefused('wrong-credentials');
    const decision = decidePasswordAttempt(account, matches, this.clock(), this.policy);
    if (decision.outcome === 'locked') throw new SignInRefused('locked', decision.until);
    if (decision.outcome === 'wrong-password') {
      await this.accounts.recordFailures(account.username, decision.failures, decision.lockedUntil);
      if (decision.lockedUntil) throw new SignInRefused('locked', decision.lockedUntil);
      throw new SignInRefused('wrong-credentials');
    }
    await this.accounts.clearFailures(account.username);
    return {
      actor: { id: account.username, role: account.role, scope: account.scope },
      displayName: account.displayName,
    };
  }

  /**
   * Sends a code to the phone the registry holds for this ID number. The answer is the same whether or
   * not the number is registered, except for the masked phone, which only its owner recognises.
   */
  async sendCode(idNumber: string): Promise<{ sentTo: string | null }> {
    const now = this.clock();
    if (!maySendCode(await this.codes.sentTimes(idNumber), now, this.policy)) throw new SignInRefused('too-many-codes');
    const contact = await this.upstream
      .json<{ personId: string; phone: string | null }>('identity', 'POST', '/people/contact', PORTAL_ACTOR, {
        idNumber,
      })
      .catch((error: { getStatus?: () => number }) => {
        if (error.getStatus?.() === 404) return null;
        throw error;
      });
    if (!contact?.phone) return { sentTo: null };
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + this.policy.codeTtlMinutes * 60_000);
    await this.codes.put(idNumber, code, contact.personId, expiresAt, now);
    await this.sender.sendSms(
      contact.phone,
      `Ma dang nhap Cong tiem chung Lai Chau: ${code}. Hieu luc ${this.policy.codeTtlMinutes} phut. Khong chia se ma nay.`,
    );
    return { sentTo: maskPhone(contact.phone) };
  }

  async citizen(idNumber: string, code: string): Promise<{ actor: CallerActor; displayName: string }> {
    const stored = await this.codes.find(idNumber);
    const given = Buffer.from(this.codes.hash(`${idNumber}:${code}`));
    const matches =
      !!stored && stored.codeHash.length === given.length && timingSafeEqual(Buffer.from(stored.codeHash), given);
    const decision = decideCodeAttempt(stored, matches, this.clock(), this.policy);
    if (decision !== 'accepted') {
      if (stored) await this.codes.countAttempt(idNumber);
      throw new SignInRefused(decision === 'expired' || decision === 'spent' ? 'code-expired' : 'wrong-credentials');
    }
    await this.codes.spend(idNumber);
    const personId = stored!.personId;
    // The portal holds no name: the person is shown by the end of their ID number, which they recognise.
    const displayName = `${idNumber.length === 12 ? 'CCCD' : 'CMND'} •••${idNumber.slice(-3)}`;
    return { actor: { id: personId, role: 'citizen', scope: `person:${personId}` }, displayName };
  }
}
