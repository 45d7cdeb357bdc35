import type { ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter, RETRY_AFTER_SECONDS } from './problem-details.filter';
import { RequestExpiredError } from './request-deadline';

/** What the filter writes for `exception`: status, headers and body. */
function answer(exception: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: {} as Record<string, unknown> };
  const res = {
    status: (s: number) => ((sent.status = s), res),
    setHeader: (name: string, value: string) => void (sent.headers[name] = value),
    type: () => res,
    json: (b: Record<string, unknown>) => void (sent.body = b),
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ originalUrl: '/records/p-1/doses?x=1', id: 'c-1' }),
      getResponse: () => res,
    }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return sent;
}

describe('problem documents for a database that is away and a request that ran out of time', () => {
  it('answers 503 with Retry-After when the database is not answering', () => {
    const lost = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(answer(lost)).toEqual({
      status: 503,
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      body: expect.objectContaining({
        type: expect.stringMatching(/\/unavailable$/),
        status: 503,
        instance: '/records/p-1/doses',
      }),
    });
    expect(answer(new Error('timeout exceeded when trying to connect'))).toMatchObject({ status: 503 });
  });

  it('answers 503 with Retry-After to a request refused past its deadline', () => {
    expect(answer(new RequestExpiredError('the request ran past its deadline'))).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '2' },
      body: { type: expect.stringMatching(/\/request-expired$/), detail: 'the request ran past its deadline' },
    });
  });

  it('still answers 500, without Retry-After, to anything else unexpected', () => {
    expect(answer(Object.assign(new Error('duplicate key'), { code: '23505' }))).toMatchObject({
      status: 500,
      headers: {},
    });
  });
});
