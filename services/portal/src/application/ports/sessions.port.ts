import type { CallerActor } from '@vax/platform';

export interface Session {
  actor: CallerActor;
  displayName: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Signed-in sessions, shared by every replica of the portal: the browser holds only a random id, and
 * an idle session expires (an abstract class so that it is also the Nest DI token).
 */
export abstract class Sessions {
  /** A new session for the actor, and the id for the browser's cookie (never kept as it is). */
  abstract create(actor: CallerActor, displayName: string, now?: Date): Promise<{ id: string; session: Session }>;
  /** The live session for this id, its expiry pushed forward when due; undefined when expired or unknown. */
  abstract touch(id: string, now?: Date): Promise<Session | undefined>;
  abstract destroy(id: string): Promise<void>;
}
