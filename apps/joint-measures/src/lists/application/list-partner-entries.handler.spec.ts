import type { DataSource } from 'typeorm';
import { Principal, Scopes } from '@platform/auth';
import { isDomainError } from '@platform/errors';
import { ListPartnerEntriesHandler } from './list-partner-entries.handler';

describe('ListPartnerEntriesHandler: the state filter', () => {
  // The state is checked before the database is read: a handler without one proves it.
  const handler = new ListPartnerEntriesHandler({} as DataSource);
  const admin: Principal = { clientId: 'henan-admin', kind: 'admin', scopes: [Scopes.Admin], region: '410000' };

  it.each(['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'refuses %s, a name every object inherits, as an unknown state (the gRPC fuzz met it as INTERNAL, ADR 0075)',
    async (state) => {
      const refusal = await handler.execute(admin, { entryId: '', state }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isDomainError(refusal) && { code: refusal.code, kind: refusal.kind, fields: refusal.violations.map((v) => v.field) }).toEqual({
        code: 'LIST_ENTRY.INVALID',
        kind: 'validation',
        fields: ['state'],
      });
    },
  );
});
