import type { CallerActor } from '@vax/platform';
import { type PersonContact, PersonContacts } from '../../application/ports/person-contacts.port';
import type { UpstreamClient } from '../upstream/upstream.client';

// Nobody is signed in yet when a code is asked for: the portal asks in its own name.
const PORTAL_ACTOR: CallerActor = { id: 'portal', role: 'system', scope: 'province' };

/** The identity service's `POST /people/contact`, through the portal's upstream client. */
export class IdentityContactsClient extends PersonContacts {
  constructor(private readonly upstream: UpstreamClient) {
    super();
  }

  contactOf(idNumber: string): Promise<PersonContact | null> {
    return this.upstream
      .json<PersonContact>('identity', 'POST', '/people/contact', PORTAL_ACTOR, { idNumber })
      .catch((error: { getStatus?: () => number }) => {
        if (error.getStatus?.() === 404) return null; // not registered: answered like a number without a phone
        throw error;
      });
  }
}
