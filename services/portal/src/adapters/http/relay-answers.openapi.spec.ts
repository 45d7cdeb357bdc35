import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { Sessions } from '../../application/ports/sessions.port';
import { UpstreamClient } from '../upstream/upstream.client';
import { AttestationsHttpController } from './attestations.http-controller';
import { CampaignsHttpController } from './campaigns.http-controller';
import { CertificateChecksHttpController } from './certificate-checks.http-controller';
import { CitizenHttpController } from './citizen.http-controller';
import { ComplaintsHttpController } from './complaints.http-controller';
import { DeskHttpController } from './desk.http-controller';
import { ManagerHttpController } from './manager.http-controller';
import { ReferenceHttpController } from './reference.http-controller';
import { SiteWorklistsHttpController } from './site-worklists.http-controller';

// The portal's relays answer with the services' bodies: its document must describe them (the
// services' own HTTP contracts, in libs/contracts), or a client of the portal has nothing to trust.
// The fuzz tier holds the running portal to the same rule and to real answers.

type Answer = { description?: string; content?: Record<string, { schema?: unknown }> };
type Operation = { responses: Record<string, Answer> };

async function relayDocument() {
  const moduleRef = await Test.createTestingModule({
    controllers: [
      AttestationsHttpController,
      CampaignsHttpController,
      CertificateChecksHttpController,
      CitizenHttpController,
      ComplaintsHttpController,
      DeskHttpController,
      ManagerHttpController,
      ReferenceHttpController,
      SiteWorklistsHttpController,
    ],
    providers: [
      { provide: UpstreamClient, useValue: {} },
      { provide: Sessions, useValue: {} },
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  await app.close();
  return document as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: object } };
}

const successes = (operation: Operation) =>
  Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));

describe("the portal's OpenAPI document of its relays", () => {
  let document: Awaited<ReturnType<typeof relayDocument>>;
  beforeAll(async () => {
    document = await relayDocument();
  });

  it('gives every relay route a success answer with a schema for each body, or says it has none', () => {
    const undocumented: string[] = [];
    for (const [path, item] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(item)) {
        const at = `${method.toUpperCase()} ${path}`;
        if (successes(operation).length === 0) undocumented.push(`${at}: no success answer`);
        for (const [status, answer] of successes(operation)) {
          if (!answer.content && !answer.description) undocumented.push(`${at} ${status}: Nest's placeholder`);
          for (const [type, media] of Object.entries(answer.content ?? {}))
            if (!media.schema) undocumented.push(`${at} ${status} ${type}: no schema`);
        }
      }
    expect(Object.keys(document.paths).length).toBeGreaterThan(25);
    expect(undocumented).toEqual([]);
  });

  it("documents the services' own bodies, from their contracts", () => {
    const schemaOf = (path: string, method: string, status: string) =>
      document.paths[path][method].responses[status].content?.['application/json']?.schema;
    expect(schemaOf('/api/me/record', 'get', '200')).toEqual({ $ref: '#/components/schemas/RecordResponse' });
    expect(schemaOf('/api/complaints/mine', 'get', '200')).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/CitizenComplaintListing' },
    });
    expect(schemaOf('/api/manager/coverage', 'get', '200')).toEqual({
      $ref: '#/components/schemas/CoverageResponse',
    });
    expect(schemaOf('/api/manager/sla/{report}', 'get', '200')).toEqual({
      oneOf: [{ $ref: '#/components/schemas/SlaSummaryResponse' }, { $ref: '#/components/schemas/BreachesResponse' }],
    });
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['VerificationResponse', 'ComplaintDetailResponse', 'CampaignStatusResponse']),
    );
  });

  it("documents the statuses the services answer, not Nest's default for a POST", () => {
    const statuses = (path: string, method = 'post') =>
      successes(document.paths[path][method]).map(([status]) => status);
    expect(statuses('/api/desk/verifications')).toEqual(expect.arrayContaining(['200', '201']));
    expect(statuses('/api/desk/records/{personId}')).toEqual(['200']);
    expect(statuses('/api/certificate-checks')).toEqual(['200']);
    expect(statuses('/api/manager/campaigns/{campaignId}/pause')).toEqual(['202']);
  });
});
