import { join } from 'node:path';
import { InvalidConfigurationError, loadConfig } from '@vax/platform';
import { TEST_KEY_SETTINGS } from '@vax/testing';
import { parseUnitMailboxes } from './adapters/notifications/unit-mailboxes';
import { ComplaintsConfig } from './complaints.config';
import { ComplaintsWorkerConfig } from './worker/complaints-worker.config';

// NOTIFICATIONS and its settings, validated at start by the API and the worker alike.

const EXAMPLE_MAILBOXES = join(__dirname, 'reference/unit-mailboxes.example.json');
const base = {
  PORT: '3005',
  DATABASE_URL: 'postgres://vax:vax@127.0.0.1:5432/complaints',
  KAFKA_BROKERS: '127.0.0.1:9092',
  ACTOR_TOKEN_TRUSTED_KEYS: TEST_KEY_SETTINGS.ACTOR_TOKEN_TRUSTED_KEYS,
  ACTOR_TOKEN_PRIVATE_KEY: TEST_KEY_SETTINGS.WORKER_PRIVATE_KEY,
  CODE_HASH_SECRET: TEST_KEY_SETTINGS.CODE_HASH_SECRET,
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
};
const sms = { SMS_GATEWAY_URL: 'https://sms.laichau.example/api/send', SMS_GATEWAY_API_KEY: 'khoa-bi-mat-123' };
const smtp = {
  SMTP_URL: 'smtp://phananh:mat-khau-smtp@mail.laichau.example:587',
  SMTP_FROM: '"Sở Y tế Lai Châu" <phananh@laichau.example>',
  UNIT_MAILBOXES_FILE: EXAMPLE_MAILBOXES,
};

const problems = (env: Record<string, string>, configClass: new () => object = ComplaintsWorkerConfig) => {
  try {
    loadConfig('complaints-worker', configClass, { ...base, ...env });
    return [];
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    expect(error.message).not.toMatch(/khoa-bi-mat|mat-khau-smtp|laichau\.example>/); // never a value
    return error.problems.map((p) => `${p.setting}: ${p.rules.join('; ')}`);
  }
};

describe('the notification settings', () => {
  it('keeps messages in the development outbox unless told otherwise', () => {
    expect(loadConfig('complaints', ComplaintsConfig, base).NOTIFICATIONS).toBe('development');
  });

  it('sends by the SMS gateway with its URL and key, bounding timeout and retries inside the activity', () => {
    const config = loadConfig('complaints-worker', ComplaintsWorkerConfig, {
      ...base,
      ...sms,
      NOTIFICATIONS: 'sms-gateway',
    });
    expect(config).toMatchObject({
      NOTIFICATIONS: 'sms-gateway',
      SMS_GATEWAY_TIMEOUT_MS: 5_000,
      SMS_GATEWAY_RETRIES: 2,
    });
    expect(problems({ NOTIFICATIONS: 'sms-gateway' })).toEqual([
      expect.stringMatching(/^SMS_GATEWAY_URL: .*required with NOTIFICATIONS=sms-gateway/),
      expect.stringMatching(/^SMS_GATEWAY_API_KEY: .*required with NOTIFICATIONS=sms-gateway/),
    ]);
    expect(
      problems({ ...sms, NOTIFICATIONS: 'sms-gateway', SMS_GATEWAY_TIMEOUT_MS: '30000', SMS_GATEWAY_RETRIES: '5' }),
    ).toEqual([expect.stringMatching(/^SMS_GATEWAY_TIMEOUT_MS: /), expect.stringMatching(/^SMS_GATEWAY_RETRIES: /)]);
  });

  it('sends the API key over TLS only, except to the loopback interface', () => {
    const at = (url: string) => problems({ NOTIFICATIONS: 'sms-gateway', ...sms, SMS_GATEWAY_URL: url });
    expect(at('http://sms.laichau.example/api/send')).toEqual([
      expect.stringMatching(/^SMS_GATEWAY_URL: must be an https/),
    ]);
    expect(at('http://127.0.0.1:4500/send')).toEqual([]);
  });

  it('adds e-mail to units beside SMS, in either order, with a mailbox file that must hold', () => {
    const config = loadConfig('complaints-worker', ComplaintsWorkerConfig, {
      ...base,
      ...sms,
      ...smtp,
      NOTIFICATIONS: ' smtp , sms-gateway ',
    });
    expect(config).toMatchObject({ NOTIFICATIONS: 'sms-gateway,smtp', SMTP_REQUIRE_TLS: true });
    expect(problems({ ...sms, NOTIFICATIONS: 'sms-gateway,smtp' })).toEqual([
      expect.stringMatching(/^SMTP_URL: .*required/),
      expect.stringMatching(/^SMTP_FROM: .*required/),
      expect.stringMatching(/^UNIT_MAILBOXES_FILE: .*required/),
    ]);
    expect(
      problems({ ...sms, ...smtp, NOTIFICATIONS: 'sms-gateway,smtp', UNIT_MAILBOXES_FILE: '/nowhere.json' }),
    ).toEqual(['UNIT_MAILBOXES_FILE: the file cannot be read (ENOENT)']);
  });

  it.each(['smtp', 'development,sms-gateway', 'sms', 'email'])('refuses NOTIFICATIONS=%s', (value) => {
    expect(problems({ ...sms, ...smtp, NOTIFICATIONS: value }, ComplaintsConfig)).toEqual([
      expect.stringMatching(/^NOTIFICATIONS: must be development, sms-gateway, or sms-gateway,smtp/),
    ]);
  });
});

describe('the unit mailboxes file', () => {
  it('maps unit ids to mailboxes, comments aside', () => {
    const mailboxes = parseUnitMailboxes(
      JSON.stringify({
        $comment: 'x',
        'site:LC-TD-01': 'tyt@laichau.example',
        'district:Tam Đường': 'ttyt@laichau.example',
      }),
    );
    expect([...mailboxes.keys()]).toEqual(['site:LC-TD-01', 'district:Tam Đường']);
  });

  it('names the unit whose entry is wrong, never the address', () => {
    expect(() => parseUnitMailboxes('{"site:LC-TD-01": "tyt binhlu"}')).toThrow(
      'the mailbox of "site:LC-TD-01" is not an e-mail address',
    );
    expect(() => parseUnitMailboxes('{"LC-TD-01": "tyt@laichau.example"}')).toThrow('"LC-TD-01" is not a unit id');
    expect(() => parseUnitMailboxes('[]')).toThrow('must hold a JSON object');
    expect(() => parseUnitMailboxes('{"$comment": "empty"}')).toThrow('names no unit');
    expect(() => parseUnitMailboxes('{')).toThrow('is not JSON');
  });
});
