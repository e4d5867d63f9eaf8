// Jest applies moduleNameMapper to test files but not to globalSetup/globalTeardown, which run
// outside its module registry: resolve the tsconfig path aliases there with tsconfig-paths.
import { register } from 'tsconfig-paths';
import { join } from 'node:path';
import { compilerOptions } from '../../tsconfig.base.json';

register({ baseUrl: join(__dirname, '..', '..'), paths: compilerOptions.paths });
