import type { OpenAPIObject } from '@nestjs/swagger';

/** The answers any route may give besides its own: each an RFC 9457 problem document. */
const PROBLEM_ANSWERS: Record<string, string> = {
  '400': 'A field or parameter breaks a rule (each named with its rule)',
  '404': 'No such route or resource',
  '409': 'Changed meanwhile by someone else, or already decided',
  '413': 'The body is larger than the service accepts',
  '415': 'The body is of a type the route does not read',
  '422': 'Well-formed, but refused by a business rule (each named)',
  '429': 'Too many requests: wait as Retry-After says',
  '503': 'A dependency is away or the service is saturated: retry after a moment',
};
/** How a service's callers prove who they are: services by actor token, the portal's browsers by session. */
export type ApiAuthentication = 'actor-token' | 'session-cookie';

const GUARDED_ANSWERS: Record<ApiAuthentication, Record<string, string>> = {
  'actor-token': {
    '401': 'No valid actor token (x-actor-token)',
    '403': "The caller's role or scope does not allow it",
  },
  'session-cookie': {
    '401': 'Not signed in (no live session cookie)',
    '403': "The session's role or scope does not allow it, or a change came without its CSRF token",
  },
};
const SECURITY_SCHEMES = {
  actorToken: {
    type: 'apiKey' as const,
    in: 'header',
    name: 'x-actor-token',
    description: 'A JWT (EdDSA) the portal signs for the caller, for this service, for 60 s at most',
  },
  session: {
    type: 'apiKey' as const,
    in: 'cookie',
    name: 'vax_session',
    description: 'The HTTP-only cookie a sign-in sets; the session lives on the server',
  },
  csrfToken: {
    type: 'apiKey' as const,
    in: 'header',
    name: 'x-csrf-token',
    description: "The session's CSRF token (GET /api/session): every change needs it with the cookie",
  },
};
const READS = new Set(['get', 'head', 'options']);
const OPERATIONS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Completes a service's OpenAPI document with what every route shares, so a client (or a fuzzer)
 * can trust it: the problem schema, the 4xx/503 answers, and the actor-token security scheme on
 * every route but the public ones (health, documentation, and those marked `x-public`).
 */
export function withSharedAnswers(
  document: OpenAPIObject,
  authentication: ApiAuthentication = 'actor-token',
): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Problem: PROBLEM_SCHEMA };
  document.components.securitySchemes = {
    ...document.components.securitySchemes,
    ...(authentication === 'actor-token'
      ? { actorToken: SECURITY_SCHEMES.actorToken }
      : { session: SECURITY_SCHEMES.session, csrfToken: SECURITY_SCHEMES.csrfToken }),
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of OPERATIONS) {
      const operation = item[method];
      if (!operation) continue;
      const isPublic =
        path.startsWith('/health') ||
        path.startsWith('/docs') ||
        (operation as unknown as Record<string, unknown>)['x-public'] === true;
      if (!isPublic) operation.security = [securityOf(authentication, method)];
      const answers = isPublic ? PROBLEM_ANSWERS : { ...GUARDED_ANSWERS[authentication], ...PROBLEM_ANSWERS };
      for (const [status, description] of Object.entries(answers)) {
        operation.responses[status] ??= {
          description,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
    }
  }
  return document;
}

/** A browser's change needs the cookie and the CSRF header together (one requirement naming both). */
function securityOf(authentication: ApiAuthentication, method: string): Record<string, string[]> {
  if (authentication === 'actor-token') return { actorToken: [] };
  return READS.has(method) ? { session: [] } : { session: [], csrfToken: [] };
}

const PROBLEM_SCHEMA = {
  type: 'object' as const,
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' as const },
    title: { type: 'string' as const },
    status: { type: 'integer' as const },
    detail: { type: 'string' as const },
    instance: { type: 'string' as const },
    correlationId: { type: 'string' as const },
    errors: {
      type: 'array' as const,
      items: {
        type: 'object' as const,
        required: ['field', 'rule', 'message'],
        properties: {
          field: { type: 'string' as const },
          rule: { type: 'string' as const },
          message: { type: 'string' as const },
        },
      },
    },
  },
};
