import { PlatformErrorCode } from './domain-error';
import { httpStatusForKind } from './problem';
import { dependencyUnavailable, isDependencyUnavailable } from './unavailable';

/**
 * The shapes node-postgres and TypeORM give their errors (test/integration/platform/
 * dependency-unavailable.int-spec.ts raises the real ones): SQLSTATE in `code` (PostgreSQL
 * appendix A), TypeORM's QueryFailedError copying it and keeping `driverError`, Node's socket
 * codes, and pg's code-less messages for a lost connection.
 */
describe('isDependencyUnavailable', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each([
    ['08006', 'connection_failure'],
    ['08001', 'sqlclient_unable_to_establish_sqlconnection'],
    ['57P01', 'admin_shutdown'],
    ['57P02', 'crash_shutdown'],
    ['57P03', 'cannot_connect_now'],
    ['53300', 'too_many_connections'],
    ['ECONNREFUSED', 'nothing listening'],
    ['ECONNRESET', 'connection reset'],
  ])('%s (%s) is a dependency unavailable', (code) => {
    expect(isDependencyUnavailable(withCode(code))).toBe(true);
  });

  it.each([
    ['23505', 'unique_violation'],
    ['40001', 'serialization_failure (retried by the write itself)'],
    ['57014', 'query_canceled (a statement timeout)'],
    ['53100', 'disk_full'],
    ['42P01', 'undefined_table'],
  ])('%s (%s) is not', (code) => {
    expect(isDependencyUnavailable(withCode(code))).toBe(false);
  });

  it('looks through what wraps the driver error: driverError (TypeORM) and cause', () => {
    expect(isDependencyUnavailable({ message: 'Query failed', driverError: withCode('57P01') })).toBe(true);
    expect(isDependencyUnavailable(new Error('saving the batch', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    expect(isDependencyUnavailable(new Error('saving the batch', { cause: withCode('23505') }))).toBe(false);
  });

  it("recognises pg's code-less messages for a lost or unobtainable connection", () => {
    for (const message of [
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      'timeout exceeded when trying to connect',
      'Client has encountered a connection error and is not queryable',
      'Client was closed and is not queryable',
    ])
      expect(isDependencyUnavailable(new Error(message))).toBe(true);
    expect(isDependencyUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
  });

  it('ignores what is not an error, and does not loop on an error that is its own cause', () => {
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    for (const value of [undefined, null, 'ECONNREFUSED', 42, loop]) expect(isDependencyUnavailable(value)).toBe(false);
  });

  it('becomes SERVICE.UNAVAILABLE, answered 503', () => {
    const error = dependencyUnavailable();
    expect({ code: error.code, status: httpStatusForKind(error.kind) }).toEqual({ code: PlatformErrorCode.Unavailable, status: 503 });
  });
});
