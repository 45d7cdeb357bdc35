import type { Pool } from 'pg';
import type { NotificationPort, OutgoingNotification } from '../../application/ports/notifications.port';
import { SentMessagesLog } from './sent-messages.log';

// The order of things, with the database stood in for (PostgreSQL itself: sent-messages.log.int-spec.ts).

const received: OutgoingNotification = {
  key: 'complaint-c-1/3:notify-received',
  complaintId: 'c-1',
  to: { kind: 'phone', phone: '0912345678' },
  template: 'complaint-received',
  text: 'Phản ánh c-1 đã được tiếp nhận và đang được xử lý.',
};

describe('the log of messages sent to citizens', () => {
  let steps: string[];
  let params: unknown[][];
  const pool = {
    query: async (_sql: string, values: unknown[]) => (steps.push('logged'), params.push(values), { rows: [] }),
  } as unknown as Pool;
  const sending: NotificationPort = { send: async (n) => void steps.push(`sent ${n.template}`) };
  beforeEach(() => {
    steps = [];
    params = [];
  });

  it('records a message to the citizen after it was sent, by key, complaint, template and text', async () => {
    await new SentMessagesLog(sending, pool).send(received);
    expect(steps).toEqual(['sent complaint-received', 'logged']);
    expect(params).toEqual([[received.key, 'c-1', 'complaint-received', received.text]]);
  });

  it('does not record the phone number', async () => {
    await new SentMessagesLog(sending, pool).send(received);
    expect(JSON.stringify(params)).not.toContain('0912345678');
  });

  it('records nothing when the sending fails, and lets the failure through for a retry', async () => {
    const failing: NotificationPort = { send: async () => Promise.reject(new Error('sms-gateway answered 503')) };
    await expect(new SentMessagesLog(failing, pool).send(received)).rejects.toThrow('503');
    expect(steps).toEqual([]);
  });

  it("only sends a unit's message", async () => {
    const assigned = {
      ...received,
      to: { kind: 'unit' as const, unitId: 'site:LC-TD-01' },
      template: 'complaint-assigned',
    };
    await new SentMessagesLog(sending, pool).send(assigned);
    expect(steps).toEqual(['sent complaint-assigned']);
  });
});
