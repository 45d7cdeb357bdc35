import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import type { Pool } from 'pg';
import { withinRequestDeadline } from '../database/within-request-deadline';
import { RequestExpiredError, requestDeadline, requestRefusal } from './request-deadline';

/** A pool whose connect() only counts: what withinRequestDeadline lets through. */
function countingPool() {
  const pool = {
    connects: 0,
    connect: (callback?: (err?: Error) => void) => {
      pool.connects++;
      return callback ? callback() : Promise.resolve();
    },
  };
  return withinRequestDeadline(pool as unknown as Pool & { connects: number });
}

/** Runs `work` as the handler of a request to `path`, through the middleware. */
function inRequest<T>(
  deadlineMs: number,
  work: (res: EventEmitter & { writableFinished: boolean }) => Promise<T>,
  path = '/doses',
) {
  const res = Object.assign(new EventEmitter(), { writableFinished: false });
  return new Promise<T>((resolve, reject) =>
    requestDeadline(deadlineMs, ['/imports'])({ originalUrl: path } as Request, res as unknown as Response, () =>
      work(res).then(resolve, reject),
    ),
  );
}

describe('the request deadline: no new database work for a request its caller has given up on', () => {
  it('lets a request within its deadline connect, in both of pg-pool forms', async () => {
    const pool = countingPool();
    await inRequest(60_000, async () => {
      await pool.connect();
      await new Promise<void>((resolve, reject) => pool.connect((err) => (err ? reject(err) : resolve())));
    });
    expect(pool.connects).toBe(2);
  });

  it('refuses a connection to a request past its deadline', async () => {
    const pool = countingPool();
    const refused = inRequest(0, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return pool.connect();
    });
    await expect(refused).rejects.toBeInstanceOf(RequestExpiredError);
    await expect(refused).rejects.toThrow('past its deadline');
    expect(pool.connects).toBe(0);
  });

  it('refuses a connection, callback form, once the client has gone away', async () => {
    const pool = countingPool();
    const error = await inRequest(60_000, async (res) => {
      res.emit('close'); // the socket closed before the answer was written
      return new Promise<Error | undefined>((resolve) => pool.connect((err) => resolve(err)));
    });
    expect(error).toBeInstanceOf(RequestExpiredError);
    expect(error?.message).toMatch(/client went away/);
  });

  it('does not count a request answered in full as abandoned', async () => {
    await inRequest(60_000, async (res) => {
      res.writableFinished = true;
      res.emit('close');
      expect(requestRefusal()).toBeUndefined();
    });
  });

  it('leaves streamed uploads and work outside any request alone', async () => {
    await inRequest(0, async () => expect(requestRefusal(Date.now() + 1_000)).toBeUndefined(), '/imports');
    expect(requestRefusal(Number.MAX_SAFE_INTEGER)).toBeUndefined();
  });
});
