import { eventually } from '@vax/testing';
import { PlatformUnderTest } from './platform-processes';

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

// The single-machine default: the same services and handlers, messages through the bus log in
// PostgreSQL instead of Kafka.
describe('the embedded transport: every service as its own process, no broker', () => {
  const platform = new PlatformUnderTest('embedded', 4200);

  beforeAll(() => platform.start(), 300_000);
  afterAll(() => platform.kill());

  it('reports the bus, not Kafka, in readiness', async () => {
    const ready = await json(platform.service('injections').url('/health/ready'));
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ info: { bus: { status: 'up' }, database: { status: 'up' } } });
    expect(ready.body.info).not.toHaveProperty('kafka');
  });

  it('carries a ping from identity to every consuming service, and again after a consumer restarts', async () => {
    const ping = async () =>
      (
        await json(platform.service('identity').url('/diagnostics/pings'), {
          method: 'POST',
          headers: await platform.operatorHeaders('identity'),
        })
      ).body;
    const receivedBy = (service: 'injections' | 'certification' | 'complaints', pingId: unknown) =>
      eventually(async () => {
        const res = await json(platform.service(service).url(`/diagnostics/pings/${pingId}`), {
          headers: await platform.operatorHeaders(service),
        });
        if (res.status !== 200) throw new Error(`${service} has not received ${pingId}`);
        return res.body;
      });

    const first = await ping();
    for (const s of ['injections', 'certification', 'complaints'] as const) {
      expect(await receivedBy(s, first.pingId)).toMatchObject({ from: 'identity' });
    }

    const injections = platform.service('injections');
    expect(await injections.stop()).toBe(0);
    const whileDown = await ping();
    injections.start();
    await injections.ready();
    expect(await receivedBy('injections', whileDown.pingId)).toMatchObject({ pingId: whileDown.pingId });
  }, 120_000);

  it('shuts every service down gracefully', async () => {
    const codes = await platform.stop();
    expect(Object.values(codes)).toEqual([0, 0, 0, 0, 0, 0]);
  }, 120_000);
});
