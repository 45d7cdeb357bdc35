import type { CallerActor, KeysetPage, PersonRead } from '@vax/platform';

/** The log of who read a person's data, and on what ground (the platform's PersonAccessStore). */
export interface PersonReadsPort {
  recordRead(personId: string, reader: CallerActor, what: string, ground: string): Promise<void>;
  readsOf(personId: string, page?: KeysetPage): Promise<{ items: PersonRead[]; nextCursor: string | null }>;
}
