import { type AddressInfo, type Server, type Socket, connect, createServer } from 'node:net';

/**
 * A TCP stand-in in front of a service. It passes traffic through until `hold()`; from then on what
 * callers send is kept, unanswered, as a frozen service would leave it, and `arrived(prefix)` resolves
 * once a request starting with `prefix` is in. `forward()` delivers what was kept to the service (the
 * caller may be gone by then: the service still sees the request it would have received) and passes
 * traffic through again. Waiting on `arrived` is waiting for the event, not for a guess of its time.
 */
export class RequestGate {
  private server?: Server;
  private holding = false;
  private readonly held: { chunks: Buffer[]; upstream: () => Socket }[] = [];
  private readonly waiters: { prefix: string; resolve: () => void }[] = [];

  constructor(private readonly targetPort: () => number) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async listen(): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  hold(): void {
    this.holding = true;
  }

  arrived(prefix: string): Promise<void> {
    if (this.held.some((h) => Buffer.concat(h.chunks).toString('latin1').startsWith(prefix))) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ prefix, resolve }));
  }

  forward(): void {
    this.holding = false;
    for (const { chunks, upstream } of this.held.splice(0)) upstream().write(Buffer.concat(chunks));
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private accept(client: Socket): void {
    let upstream: Socket | undefined;
    const open = () => {
      if (!upstream) {
        upstream = connect(this.targetPort(), '127.0.0.1');
        upstream.on('data', (data) => client.writable && client.write(data));
        upstream.on('error', () => client.destroy());
        upstream.on('end', () => client.end());
      }
      return upstream;
    };
    let kept: { chunks: Buffer[]; upstream: () => Socket } | undefined;
    client.on('data', (data) => {
      if (!this.holding && !kept) return void open().write(data);
      if (!kept) this.held.push((kept = { chunks: [], upstream: open }));
      kept.chunks.push(data);
      const text = Buffer.concat(kept.chunks).toString('latin1');
      for (const waiter of this.waiters.filter((w) => text.startsWith(w.prefix))) waiter.resolve();
    });
    // A caller killed mid-request: the service keeps its side until it has answered what it was sent.
    client.on('error', () => undefined);
    client.on('close', () => upstream?.setTimeout(30_000, () => upstream?.destroy()));
  }
}
