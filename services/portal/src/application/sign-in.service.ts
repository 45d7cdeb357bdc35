import { randomInt, timingSafeEqual } from 'node:crypto';
import type { CallerActor } from '@vax/platform';
import { type SignInPolicy, decideCodeAttempt } from '../domain/sign-in-policy';
import { passwordMatches } from './password-hash';
import type { Accounts } from './ports/accounts.port';
import type { NotificationSender } from './ports/notification-sender.port';
import type { PersonContacts } from './ports/person-contacts.port';
import type { SignInCodes } from './ports/sign-in-codes.port';
import type { LimitRefusal, SignInLimits } from './ports/sign-in-limits.port';

export type SignInFailure =
  'wrong-credentials' | 'locked' | 'too-many-attempts' | 'too-many-codes' | 'code-expired' | 'no-phone';
export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInFailure,
    /** Seconds before trying again makes sense (the Retry-After of the answer). */
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
  }
}

// Compared even when the account does not exist, so timing does not tell which usernames are real.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const refuse = (reason: SignInFailure, limit: LimitRefusal) => new SignInRefused(reason, limit.retryAfterSeconds);

/**
 * Staff sign in with a password; citizens with a code sent to the phone on record. Every answer is
 * the same for a username or ID number that exists and one that does not: wrong passwords lock any
 * username, and a code request never says whether a phone was found.
 */
export class SignInService {
  constructor(
    private readonly accounts: Accounts,
    private readonly codes: SignInCodes,
    private readonly limits: SignInLimits,
    private readonly sender: NotificationSender,
    private readonly contacts: PersonContacts,
    private readonly policy: SignInPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async staff(
    username: string,
    password: string,
    client: string,
  ): Promise<{ actor: CallerActor; displayName: string }> {
    const attempt = await this.limits.signInAttempt(client);
    if (attempt.limited) throw refuse('too-many-attempts', attempt);
    const locked = await this.limits.lockedFor(username);
    if (locked !== null) throw new SignInRefused('locked', locked);
    const account = await this.accounts.find(username);
    const matches = await passwordMatches(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !matches) {
      const lockedNow = await this.limits.passwordFailed(username);
      throw lockedNow === null ? new SignInRefused('wrong-credentials') : new SignInRefused('locked', lockedNow);
    }
    await this.limits.passwordAccepted(username);
    return {
      actor: { id: account.username, role: account.role, scope: account.scope },
      displayName: account.displayName,
    };
  }

  /**
   * Sends a code to the phone the registry holds for this ID number. The answer is the same whether or
   * not the number is registered or has a phone. Limits per client, per client and person, and per
   * person; the per-person one is out of a stranger's reach, and its owner's phone is told when it is hit.
   */
  async sendCode(idNumber: string, client: string): Promise<void> {
    const limit = await this.limits.codeRequested(client, idNumber);
    if (limit.limited) {
      if (limit.limit === 'person' && limit.firstRefusal) await this.tellOwnerCodesPaused(idNumber);
      throw refuse('too-many-codes', limit);
    }
    const contact = await this.contacts.contactOf(idNumber);
    if (!contact?.phone) return;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(this.clock().getTime() + this.policy.codeTtlMinutes * 60_000);
    await this.codes.put(idNumber, code, contact.personId, expiresAt);
    await this.sender.sendSms(
      contact.phone,
      `Ma dang nhap Cong tiem chung Lai Chau: ${code}. Hieu luc ${this.policy.codeTtlMinutes} phut. ` +
        'Khong chia se ma nay. Neu ban khong yeu cau, hay bo qua tin nay.',
    );
  }

  async citizen(idNumber: string, code: string, client: string): Promise<{ actor: CallerActor; displayName: string }> {
    const attempt = await this.limits.signInAttempt(client);
    if (attempt.limited) throw refuse('too-many-attempts', attempt);
    const stored = await this.codes.claimAttempt(idNumber);
    const given = this.codes.hash(`${idNumber}:${code}`);
    const matches =
      !!stored &&
      stored.codeHash.length === given.length &&
      timingSafeEqual(Buffer.from(stored.codeHash), Buffer.from(given));
    const decision = decideCodeAttempt(stored, matches, this.clock(), this.policy);
    if (decision !== 'accepted' || !(await this.codes.spend(idNumber, given))) {
      throw new SignInRefused(decision === 'expired' || decision === 'spent' ? 'code-expired' : 'wrong-credentials');
    }
    const personId = stored!.personId;
    // The portal holds no name: the person is shown by the end of their ID number, which they recognise.
    const displayName = `${idNumber.length === 12 ? 'CCCD' : 'CMND'} •••${idNumber.slice(-3)}`;
    return { actor: { id: personId, role: 'citizen', scope: `person:${personId}` }, displayName };
  }

  /** Someone asked for this person's codes past the day's limit: their phone hears of it once. */
  private async tellOwnerCodesPaused(idNumber: string): Promise<void> {
    const contact = await this.contacts.contactOf(idNumber);
    if (!contact?.phone) return;
    await this.sender.sendSms(
      contact.phone,
      'Cong tiem chung Lai Chau: hom nay da co nhieu yeu cau ma dang nhap cho so dinh danh cua ban; ' +
        'ma moi tam dung den ngay mai. Neu khong phai ban, hay bao tram y te xa.',
    );
  }
}
