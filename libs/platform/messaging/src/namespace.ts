import { STREAM_SUBJECTS, StreamName } from '@contracts';

/**
 * Applies NATS_SUBJECT_PREFIX to subjects and stream names, so a test file or a second local
 * stack gets its own streams on a shared nats-server. In production the prefix is empty and
 * names are exactly those of ARCHITECTURE.md §4.
 */
export class MessagingNamespace {
  constructor(readonly prefix: string = '') {}

  subject(logical: string): string {
    return this.prefix ? `${this.prefix}.${logical}` : logical;
  }

  logicalSubject(actual: string): string {
    return this.prefix && actual.startsWith(`${this.prefix}.`) ? actual.slice(this.prefix.length + 1) : actual;
  }

  stream(name: StreamName): string {
    return this.prefix ? `${this.prefix.toUpperCase()}_${name}` : name;
  }

  streamSubjects(name: StreamName): string[] {
    return STREAM_SUBJECTS[name].map((subject) => this.subject(subject));
  }

  deadLetterSubject(consumer: string): string {
    return this.subject(`deadletter.${consumer}`);
  }
}
