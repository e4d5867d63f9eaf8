// Compiles apps and libs into dist/ (tsc keeps decorator metadata, which Nest DI and TypeORM
// need; see docs/decisions/0003), then rewrites path aliases to relative requires (tsc-alias)
// so dist/ runs with plain `node`, no runtime resolver.
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json']);
run('node_modules/.bin/tsc-alias', ['-p', 'tsconfig.build.json']);
