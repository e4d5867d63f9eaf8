// Issue 22, item 1: "a change to one service's code rebuilds only that image". `nx show projects
// --affected -t image` is what CI runs to choose the images to build (docs/ops.md, "Images");
// these cases run it on synthetic changes (--files), so nothing is built.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// Every service has its own image (ARCHITECTURE.md §1: "one image per service").
const SERVICES = ['collection', 'disclosure', 'evaluation', 'gateway', 'joint-measures', 'permits', 'repair'];

function imagesFor(...files: string[]): string[] {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', '.bin', 'nx'), 'show', 'projects', '--affected', `--files=${files.join(',')}`, '-t', 'image', '--json'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
  );
  return (JSON.parse(out) as string[]).sort();
}

describe('nx affected chooses the images a change needs', () => {
  jest.setTimeout(120_000); // each nx call builds the project graph (about 20 s on a loaded machine)

  it('gives every service an image target that builds its own image', () => {
    for (const service of SERVICES) {
      const project = JSON.parse(readFileSync(join(ROOT, 'apps', service, 'project.json'), 'utf8'));
      expect(project.targets.image.options.command).toBe(`bash scripts/images/build-image.sh ${service}`);
    }
  });

  it('a change in apps/collection rebuilds only collection', () => {
    expect(imagesFor('apps/collection/src/main.ts')).toEqual(['collection']);
  });

  it('a change in apps/gateway rebuilds only the gateway', () => {
    expect(imagesFor('apps/gateway/src/main.ts')).toEqual(['gateway']);
  });

  it('a change in libs/platform (used by every service) rebuilds all of them', () => {
    expect(imagesFor('libs/platform/service/src/run-service.ts')).toEqual(SERVICES);
  });

  it('a change to the Dockerfile or the image build script rebuilds all of them', () => {
    expect(imagesFor('deploy/docker/Dockerfile')).toEqual(SERVICES);
    expect(imagesFor('scripts/images/build-image.sh')).toEqual(SERVICES);
  });

  it('a change to docs or tests rebuilds none', () => {
    expect(imagesFor('docs/ops.md', 'test/e2e/platform-lifecycle.e2e-spec.ts')).toEqual([]);
  });
});
