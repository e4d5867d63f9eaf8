import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { listEntries } from '../infrastructure/list-entry.repository';
import type { ListSubjectEntriesQuery, SubjectEntries } from './list-subject-entries.query';
import { invalid } from './list-writes';

@Injectable()
export class ListSubjectEntriesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: ListSubjectEntriesQuery): Promise<SubjectEntries> {
    assertScope(principal, Scopes.RecordsRead);
    if (!query.subjectId) invalid([{ field: 'subjectId', message: 'is required' }]);
    return listEntries.ofSubject(this.dataSource.manager, query.subjectId);
  }
}
