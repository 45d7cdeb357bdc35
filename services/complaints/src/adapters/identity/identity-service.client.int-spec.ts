import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACTOR_HEADER, ActorTokenSigner, ActorTokenVerifier } from '@vax/platform';
import { TestActorTokens } from '@vax/testing';
import { IdentityServiceClient } from './identity-service.client';

// A stand-in for the identity service on a local port: what the client sends, and how it reads answers.

const stated = {
  fullName: 'Lò Thị Mai',
  dateOfBirth: '1990-04-02',
  gender: 'female' as const,
  idNumber: '012190004567',
};

describe('the identity service client', () => {
  let server: Server;
  let received: { actor: unknown; body: { requestId: string; typed: object } }[];
  let answer: { status: number; body: object };
  let client: IdentityServiceClient;

  beforeAll(async () => {
    const tokens = await TestActorTokens.create();
    const verifier = await ActorTokenVerifier.from('identity', tokens.keys.trusted);
    server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({
        actor: await verifier.verify(String(req.headers[ACTOR_HEADER])),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new IdentityServiceClient(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      await ActorTokenSigner.from(tokens.keys.signing['complaints-worker']),
      2_000,
    );
  });
  beforeEach(() => (received = []));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends the typed facts as the worker, with a request id fixed by the step key', async () => {
    answer = {
      status: 201,
      body: {
        verificationId: 'v-1',
        result: 'mismatched',
        standing: 'mismatched',
        personId: 'p-1',
        differences: [
          { field: 'fullName', kind: 'accents-only' },
          { field: 'fullName', kind: 'edit-distance' },
          { field: 'dateOfBirth', kind: 'day-month-swapped' },
        ],
      },
    };
    expect(await client.check({ key: 'complaint-c-1/2:check-identity', stated })).toEqual({
      result: 'mismatched',
      verificationId: 'v-1',
      personId: 'p-1',
      differingFields: ['fullName', 'dateOfBirth'],
    });
    await client.check({ key: 'complaint-c-1/2:check-identity', stated });
    expect(received[0].actor).toEqual({ id: 'complaints-worker', role: 'system', scope: 'system' });
    expect(received[0].body.typed).toEqual(stated);
    expect(received[1].body.requestId).toBe(received[0].body.requestId);
  });

  it('fails (to be retried) on an error, naming the status and no personal data', async () => {
    answer = { status: 503, body: { detail: `registry down for ${stated.idNumber}` } };
    await expect(client.check({ key: 'k', stated })).rejects.toThrow(/^the identity service answered 503[^0-9]*$/);
  });
});
