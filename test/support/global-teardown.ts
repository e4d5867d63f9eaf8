import './register-aliases';
import { dropTemplateDatabase } from '@platform/testing';

export default async function globalTeardown(): Promise<void> {
  await dropTemplateDatabase();
}
