import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';

// A small SMTP server on a local port, speaking as much of RFC 5321 and 4954 (EHLO, AUTH PLAIN, MAIL,
// RCPT, DATA, RSET, NOOP, QUIT) as a client needs to deliver: the adapter is tested over the real
// protocol, and a test can make the server refuse a recipient.

export interface ReceivedMail {
  user: string | null;
  from: string;
  to: string[];
  /** The message as sent, dot-stuffing removed. */
  data: string;
}

export class LocalSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** The answer to RCPT TO; a 4xx or 5xx refuses the recipient. */
  rcptReply = '250 2.1.5 recipient ok';
  private readonly server: Server = createServer((socket) => this.session(socket));

  constructor(private readonly credentials: { user: string; pass: string }) {}

  get url(): string {
    const { user, pass } = this.credentials;
    return `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }

  private session(socket: Socket): void {
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let user: string | null = null;
    let mail: ReceivedMail | null = null;
    let data: string[] | null = null;
    let buffered = '';
    const command = (line: string) => {
      const verb = line.split(' ', 1)[0].toUpperCase();
      const argument = line.slice(verb.length).trim();
      if (verb === 'EHLO') return reply('250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME');
      if (verb === 'HELO' || verb === 'NOOP') return reply('250 ok');
      if (verb === 'AUTH') {
        const [, pass = ''] = argument.split(' ');
        const [, name, password] = Buffer.from(pass, 'base64').toString('utf8').split('\0');
        if (name !== this.credentials.user || password !== this.credentials.pass) return reply('535 5.7.8 bad');
        user = name;
        return reply('235 2.7.0 authenticated');
      }
      if (verb === 'MAIL') {
        if (!user) return reply('530 5.7.0 authentication required');
        mail = { user, from: /<([^>]*)>/.exec(argument)?.[1] ?? '', to: [], data: '' };
        return reply('250 2.1.0 ok');
      }
      if (verb === 'RCPT') {
        if (this.rcptReply.startsWith('250')) mail?.to.push(/<([^>]*)>/.exec(argument)?.[1] ?? '');
        return reply(this.rcptReply);
      }
      if (verb === 'DATA') {
        if (!mail || mail.to.length === 0) return reply('503 5.5.1 no valid recipients');
        data = [];
        return reply('354 end with <CRLF>.<CRLF>');
      }
      if (verb === 'RSET') return void ((mail = null), reply('250 ok'));
      if (verb === 'QUIT') return void (reply('221 bye'), socket.end());
      return reply('502 5.5.2 not implemented');
    };
    const line = (text: string) => {
      if (!data) return command(text);
      if (text !== '.') return void data.push(text.startsWith('..') ? text.slice(1) : text);
      this.received.push({ ...mail!, data: data.join('\r\n') });
      data = null;
      mail = null;
      reply('250 2.0.0 queued');
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\r\n'); end >= 0; end = buffered.indexOf('\r\n')) {
        line(buffered.slice(0, end));
        buffered = buffered.slice(end + 2);
      }
    });
    socket.on('error', () => undefined);
    reply('220 localhost ESMTP test server');
  }
}

/** A received message's headers (unfolded, encoded words decoded) and its text, decoded from base64. */
export function readMail(data: string): { header: (name: string) => string | undefined; text: string } {
  const split = data.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const field of data.slice(0, split).split(/\r\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    headers.set(field.slice(0, colon).toLowerCase(), decodeWords(field.slice(colon + 1).replace(/\r\n[ \t]/g, ' ')));
  }
  const body = data.slice(split + 4);
  const base64 = headers.get('content-transfer-encoding')?.toLowerCase() === 'base64';
  const text = base64 ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8') : body;
  return { header: (name) => headers.get(name.toLowerCase()), text };
}

/** RFC 2047 words, each run of adjacent words decoded as one (a character may straddle two). */
function decodeWords(value: string): string {
  const word = /=\?utf-8\?([bq])\?([^?]*)\?=/gi;
  const bytes = (encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        );
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/(=\?utf-8\?[bq]\?[^?]*\?=)+/gi, (run) =>
      Buffer.concat([...run.matchAll(word)].map((m) => bytes(m[1], m[2]))).toString('utf8'),
    )
    .trim();
}
