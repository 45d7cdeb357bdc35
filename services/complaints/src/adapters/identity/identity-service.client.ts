import { ACTOR_HEADER, type ActorTokenSigner, SERVICE_ROLE } from '@vax/platform';
import { v5 as uuidv5 } from 'uuid';
import type { IdentityCheckResult, IdentityRegistryPort } from '../../application/ports/identity-registry.port';
import { PERSONAL_FIELDS, type PersonalField } from '../../domain/complaint-kinds';
import type { StatedPerson } from '../../domain/complaint-subject';

/** Fixed namespace of identity request ids (UUIDv5 of the workflow step's key). */
const REQUEST_ID_NAMESPACE = '0f6f3e8e-2c7a-4d1b-8e4e-5b9a7c2d1f30';

interface VerificationView {
  verificationId: string;
  /** The result after police reviews. */
  standing: 'verified' | 'mismatched' | 'not-found';
  personId: string | null;
  differences: { field: string }[];
}

/**
 * Checks a complaint's stated person with the identity service (POST /verifications, typed facts),
 * as the complaints worker. The request id comes from the step's key: asked again after a timeout,
 * identity answers with the first result instead of checking twice.
 */
export class IdentityServiceClient implements IdentityRegistryPort {
  constructor(
    private readonly baseUrl: string,
    /** The worker's own key (issuer "complaints-worker"): it vouches for itself, never for a person. */
    private readonly signer: ActorTokenSigner,
    private readonly timeoutMs = 10_000,
  ) {}

  async check(request: { key: string; stated: StatedPerson }): Promise<IdentityCheckResult> {
    const { idNumber, fullName, dateOfBirth, gender } = request.stated;
    const res = await fetch(new URL('/verifications', this.baseUrl), {
      method: 'POST',
      headers: {
        [ACTOR_HEADER]: await this.signer.sign(
          { id: this.signer.issuer, role: SERVICE_ROLE, scope: 'system' },
          'identity',
        ),
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        requestId: uuidv5(request.key, REQUEST_ID_NAMESPACE),
        typed: { idNumber, fullName, dateOfBirth, gender },
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    // The status only: identity's problem details may quote what was stated. The status tells the
    // activity whether a retry can help (5xx, 429) or not (another 4xx).
    if (!res.ok)
      throw Object.assign(new Error(`the identity service answered ${res.status} to a complaint's identity check`), {
        status: res.status,
      });
    const view = (await res.json()) as VerificationView;
    const fields = view.differences.map((d) => d.field).filter((f): f is PersonalField => isPersonal(f));
    return {
      result: view.standing,
      verificationId: view.verificationId,
      personId: view.personId,
      differingFields: [...new Set(fields)],
    };
  }
}

const isPersonal = (field: string) => (PERSONAL_FIELDS as readonly string[]).includes(field);
