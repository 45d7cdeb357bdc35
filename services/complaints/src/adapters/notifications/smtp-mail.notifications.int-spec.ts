import { NotificationDeliveryError } from './notification-channel';
import { LocalSmtpServer, readMail } from './local-smtp-server.spec-fixtures';
import { SmtpMailNotifications } from './smtp-mail.notifications';

// The e-mail adapter through nodemailer to an SMTP server on a local port: the real protocol, from
// EHLO and AUTH to the message as the unit's mailbox receives it.

const credentials = { user: 'phananh@laichau.example', pass: 'mật-khẩu-thử' };
const mailboxes = new Map([
  ['site:LC-TD-01', 'tramyte.binhlu@laichau.example'],
  ['district:Tam Đường', 'ttyt.tamduong@laichau.example'],
]);
const text = 'Nhắc việc: phản ánh c-42 sắp đến hạn xử lý (12/02/2026 16:30).';
const reminder = {
  key: 'complaint-c-42/6:remind',
  complaintId: 'c-42',
  to: { kind: 'unit' as const, unitId: 'site:LC-TD-01' },
  template: 'complaint-reminder',
  text,
};

describe('the SMTP e-mail adapter', () => {
  const server = new LocalSmtpServer(credentials);
  let mail: SmtpMailNotifications;

  beforeAll(async () => {
    await server.start();
    const settings = { url: server.url, from: '"Sở Y tế Lai Châu" <phananh@laichau.example>', timeoutMs: 2_000 };
    mail = new SmtpMailNotifications({ ...settings, requireTls: false }, mailboxes);
  });
  beforeEach(() => {
    server.received.length = 0;
    server.rcptReply = '250 2.1.5 recipient ok';
  });
  afterAll(() => server.stop());

  it('reaches units with a mailbox on record, and no phone', () => {
    expect(mail.reaches({ kind: 'unit', unitId: 'site:LC-TD-01' })).toBe(true);
    expect(mail.reaches({ kind: 'unit', unitId: 'site:LC-PT-01' })).toBe(false);
    expect(mail.reaches({ kind: 'phone', phone: '0912345678' })).toBe(false);
  });

  it("delivers the Vietnamese text to the unit's mailbox, signed in with the account in the URL", async () => {
    await mail.send(reminder);
    expect(server.received).toHaveLength(1);
    const [received] = server.received;
    expect(received).toMatchObject({
      user: credentials.user,
      from: 'phananh@laichau.example',
      to: ['tramyte.binhlu@laichau.example'],
    });
    const message = readMail(received.data);
    expect(message.text.trim()).toBe(text);
    expect(message.header('subject')).toBe('Phản ánh c-42 sắp đến hạn xử lý');
    expect(message.header('from')).toContain('Sở Y tế Lai Châu');
    expect(message.header('content-language')).toBe('vi');
    expect(message.header('content-type')).toMatch(/text\/plain; charset=utf-8/i);
  });

  it('gives a message sent again the same Message-ID, and another message another', async () => {
    await mail.send(reminder);
    await mail.send(reminder);
    await mail.send({ ...reminder, key: 'complaint-c-42/9:notify-escalated', template: 'complaint-escalated' });
    const ids = server.received.map((m) => readMail(m.data).header('message-id'));
    expect(ids[0]).toMatch(/^<[0-9a-f-]{36}@laichau\.example>$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('fails with the SMTP codes only when the server refuses the recipient (Temporal retries the activity)', async () => {
    server.rcptReply = '451 4.3.0 <tramyte.binhlu@laichau.example>: mailbox busy, try later';
    const error = await mail.send(reminder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotificationDeliveryError);
    expect((error as Error).message).toMatch(/^smtp did not take complaint-reminder: E\w+ 451$/);
    expect((error as Error).message).not.toContain('tramyte');
    expect(server.received).toHaveLength(0);
  });

  it('fails when the credentials are refused, without quoting them', async () => {
    const url = server.url.replace(encodeURIComponent(credentials.pass), 'sai-mat-khau');
    const other = new SmtpMailNotifications(
      { url, from: 'a@laichau.example', requireTls: false, timeoutMs: 2_000 },
      mailboxes,
    );
    const error = (await other.send(reminder).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/EAUTH 535$/);
    expect(error.message).not.toContain('sai-mat-khau');
  });

  it('refuses to send in plain text by default when the server offers no STARTTLS', async () => {
    const strict = new SmtpMailNotifications(
      { url: server.url, from: 'a@laichau.example', requireTls: true, timeoutMs: 2_000 },
      mailboxes,
    );
    await expect(strict.send(reminder)).rejects.toThrow(/^smtp did not take complaint-reminder: ETLS/);
    expect(server.received).toHaveLength(0);
  });
});
