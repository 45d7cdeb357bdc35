import { type Actor, type EventStore, handleCommand } from '@vax/event-sourcing';
import { v7 as uuidv7 } from 'uuid';
import { parseCccdQr } from '../domain/identity-input/cccd-qr.parser';
import type { ParseContext } from '../domain/identity-input/parse-context';
import { parsePersonalQr1405 } from '../domain/identity-input/personal-qr-1405.parser';
import type { StatedPerson } from '../domain/identity-input/stated-person';
import { type TypedIdentity, parseTypedIdentity } from '../domain/identity-input/typed-identity.parser';
import type { MatchPolicy } from '../domain/matching/person-matcher';
import { POLICE_VERIFIER, verificationDecider } from '../domain/verification/verification.decider';
import type { ReviewOutcome } from '../domain/verification/verification.messages';
import type { PopulationRegistry } from './ports/population-registry.port';
import { type VerificationView, toView } from './verification.view';

export type VerifyInput = { requestId?: string } & ({ qr: string } | { typed: TypedIdentity });

export const verificationStream = (verificationId: string) => `verification-${verificationId}`;

/** A 1405 personal QR has an ISO date in its third field; the CCCD card's QR never does. */
export function parseQr(qr: string, context: ParseContext): StatedPerson {
  return /^\d{4}-\d{2}-\d{2}$/.test(qr.split('|')[2]?.trim() ?? '')
    ? parsePersonalQr1405(qr, context)
    : parseCccdQr(qr, context);
}

/** People at a desk: the answer goes to a person, who checks again if their next step finds no record. */
const DESK_ROLES: ReadonlySet<string> = new Set(['site-staff', POLICE_VERIFIER]);

/**
 * A check answered to a person at a desk does not wait for the disk, whose flushes stall for 100-400
 * ms at times (ADR 11). If the machine crashes before the flush, the check is lost before anything
 * used it: the publisher hands out only durable events, so no dose rests on it, and the desk's next
 * step finds no verification and checks again. Any other caller (the complaints workflow) keeps the
 * answer in its own durable state, so its check is on disk before it is answered.
 */
function durabilityFor(actor: Actor): 'deferred' | 'immediate' {
  return DESK_ROLES.has(actor.role) ? 'deferred' : 'immediate';
}

/** Identity checks at the injection desk and reviews by police verifiers. */
export class VerificationService {
  constructor(
    private readonly store: EventStore,
    private readonly registry: PopulationRegistry,
    private readonly policy: MatchPolicy,
    private readonly context: () => ParseContext,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Parses, asks the registry, records the result; a repeated requestId returns the first result. */
  async verify(
    input: VerifyInput,
    actor: Actor,
    correlationId: string,
  ): Promise<{ view: VerificationView; created: boolean }> {
    const verificationId = input.requestId ?? uuidv7();
    // Only a client-given id can have been seen before; a fresh one cannot.
    const existing = input.requestId ? await this.get(verificationId) : null;
    if (existing) return { view: existing, created: false };
    const stated = 'qr' in input ? parseQr(input.qr, this.context()) : parseTypedIdentity(input.typed, this.context());
    const registry = await this.registry.findByIdNumber(stated.idNumber);
    const at = this.clock();
    const metadata = { correlationId, causationId: null, actor, occurredAt: at };
    const { events } = await handleCommand(
      this.store,
      verificationDecider,
      verificationStream(verificationId),
      { type: 'RecordVerification', verificationId, stated, registry, policy: this.policy, at: at.toISOString() },
      metadata,
      { newStream: !input.requestId, durability: durabilityFor(actor) },
    );
    // A concurrent request with the same id may have won: then its result is the one to return.
    if (events.length === 0) return { view: (await this.get(verificationId))!, created: false };
    return { view: toView(events.map((e) => ({ ...e, metadata }) as never))!, created: true };
  }

  async review(
    verificationId: string,
    outcome: ReviewOutcome,
    reason: string,
    reviewer: Actor,
    correlationId: string,
  ): Promise<VerificationView> {
    const at = this.clock();
    await handleCommand(
      this.store,
      verificationDecider,
      verificationStream(verificationId),
      { type: 'ReviewVerification', verificationId, outcome, reason, reviewer, at: at.toISOString() },
      { correlationId, causationId: null, actor: reviewer, occurredAt: at },
    );
    return (await this.get(verificationId))!;
  }

  async get(verificationId: string): Promise<VerificationView | null> {
    return toView(await this.store.readStream(verificationStream(verificationId)));
  }
}
