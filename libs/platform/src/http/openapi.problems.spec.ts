import type { OpenAPIObject } from '@nestjs/swagger';
import { withSharedAnswers } from './openapi.problems';

const documentWith = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things': {
      get: { responses: { '200': { description: '' } } },
      post: { responses: { '201': { description: '' } } },
    },
    '/open': { post: { 'x-public': true, responses: { '202': { description: '' } } } as never },
    '/health/ready': { get: { responses: { '200': { description: '' } } } },
  },
});

describe("a service's OpenAPI document says how its callers authenticate and what any route may answer", () => {
  it('services: every route but the public ones needs an actor token and may answer 401 and 403', () => {
    const doc = withSharedAnswers(documentWith());
    expect(doc.paths['/things'].get!.security).toEqual([{ actorToken: [] }]);
    expect(Object.keys(doc.paths['/things'].post!.responses)).toEqual(
      expect.arrayContaining(['401', '403', '400', '503']),
    );
    expect(doc.paths['/open'].post!.security).toBeUndefined();
    expect(doc.paths['/open'].post!.responses['401']).toBeUndefined();
    expect(doc.paths['/health/ready'].get!.security).toBeUndefined();
    expect(Object.keys(doc.components!.securitySchemes!)).toEqual(['actorToken']);
  });

  it('the portal: reads need the session cookie, changes the cookie and the CSRF header together', () => {
    const doc = withSharedAnswers(documentWith(), 'session-cookie');
    expect(doc.paths['/things'].get!.security).toEqual([{ session: [] }]);
    expect(doc.paths['/things'].post!.security).toEqual([{ session: [], csrfToken: [] }]);
    expect(doc.paths['/open'].post!.security).toBeUndefined();
    expect(doc.components!.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'vax_session' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
    });
    expect(doc.components!.securitySchemes!.actorToken).toBeUndefined();
  });

  it('every problem answer refers to the one problem schema', () => {
    const doc = withSharedAnswers(documentWith());
    expect(doc.paths['/things'].get!.responses['422']).toEqual({
      description: expect.any(String),
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
  });
});
