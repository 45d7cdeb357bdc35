import { ROOT_CONTEXT, context, createContextKey } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { keepPoolCallersContext } from './pool-callers.context';

const WHO = createContextKey('who');

/** pg-pool's shape: a caller waits in a queue; a release hands the connection to the first waiting. */
class FakePool {
  waiting: ((error: unknown, client: string) => void)[] = [];
  connect(callback?: (error: unknown, client: string) => void) {
    if (callback) this.waiting.push(callback);
  }
  release() {
    this.waiting.shift()?.(undefined, 'client');
  }
}

describe("pg-pool's callers keep their own context", () => {
  beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
  afterAll(() => context.disable());

  const seenBy = (pool: FakePool) => {
    let seen: unknown = 'nothing';
    // A poller with no trace waits for a connection…
    context.with(ROOT_CONTEXT.setValue(WHO, 'poller'), () =>
      pool.connect(() => (seen = context.active().getValue(WHO))),
    );
    // …which a dose's request releases, inside its own trace.
    context.with(ROOT_CONTEXT.setValue(WHO, 'dose request'), () => pool.release());
    return seen;
  };

  it("run in the releaser's context as pg-pool calls them", () => {
    expect(seenBy(new FakePool())).toBe('dose request');
  });

  it("run in their own once the pool's connect is wrapped", () => {
    class Pool extends FakePool {}
    keepPoolCallersContext(Pool);
    expect(seenBy(new Pool())).toBe('poller');
  });
});
