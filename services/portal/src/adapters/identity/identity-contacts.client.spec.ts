import { HttpException } from '@nestjs/common';
import type { UpstreamClient } from '../upstream/upstream.client';
import { IdentityContactsClient } from './identity-contacts.client';

const upstreamAnswering = (answer: () => Promise<unknown>) => {
  const asked: unknown[][] = [];
  const upstream = { json: async (...args: unknown[]) => (asked.push(args), answer()) } as unknown as UpstreamClient;
  return { contacts: new IdentityContactsClient(upstream), asked };
};

describe("a person's contact, from the identity service", () => {
  it('asks identity for the ID number in the portal’s own name and answers the person and phone', async () => {
    const { contacts, asked } = upstreamAnswering(async () => ({ personId: 'P1', phone: '0912345678' }));
    await expect(contacts.contactOf('012203004567')).resolves.toEqual({ personId: 'P1', phone: '0912345678' });
    expect(asked).toEqual([
      ['identity', 'POST', '/people/contact', expect.objectContaining({ id: 'portal' }), { idNumber: '012203004567' }],
    ]);
  });

  it('answers null for a number the registry does not hold', async () => {
    const { contacts } = upstreamAnswering(async () => Promise.reject(new HttpException('not found', 404)));
    await expect(contacts.contactOf('012203009999')).resolves.toBeNull();
  });

  it('lets any other failure through, so the caller does not take an outage for an unknown number', async () => {
    const { contacts } = upstreamAnswering(async () => Promise.reject(new HttpException('unavailable', 503)));
    await expect(contacts.contactOf('012203004567')).rejects.toThrow('unavailable');
  });
});
