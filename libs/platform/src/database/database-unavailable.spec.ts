import { isDatabaseUnavailable } from './database-unavailable';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable: a database not answering now, told apart from a request that is wrong', () => {
  it.each([
    ['a restart terminating the connection', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', pgError('57P03', 'the database system is starting up')],
    ['too many connections', pgError('53300')],
    ['a connection failure (class 08)', pgError('08006')],
    ['a refused socket', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['no pooled connection in time', new Error('timeout exceeded when trying to connect')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    [
      'a database closed to connections',
      pgError('55000', 'database "injections" is not currently accepting connections'),
    ],
    ['one wrapped in another', new Error('recording failed', { cause: pgError('57P01') })],
  ])('%s: unavailable', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a serialization failure (retried by its own caller)', pgError('40001')],
    ['a syntax error', pgError('42601')],
    ['another object in a wrong state', pgError('55000', 'cannot do that now')],
    ['an error of ours', new Error('no such dose')],
    ['not an error at all', 'timeout exceeded when trying to connect'],
  ])('%s: not unavailable', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
