// One-off scaffolder kept for adding services: writes project.json with the tags the boundary rule reads.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
const apps = ['gateway', 'collection', 'evaluation', 'joint-measures', 'repair', 'disclosure', 'permits'];
const platform = ['auth', 'config', 'database', 'errors', 'grpc', 'messaging', 'service', 'telemetry', 'testing'];
const domain = ['identifiers', 'calendar', 'credit'];
const write = (dir, json) => {
  mkdirSync(`${dir}/src`, { recursive: true });
  if (!existsSync(`${dir}/project.json`)) writeFileSync(`${dir}/project.json`, JSON.stringify(json, null, 2) + '\n');
};
for (const a of apps)
  write(`apps/${a}`, {
    name: a,
    $schema: '../../node_modules/nx/schemas/project-schema.json',
    projectType: 'application',
    sourceRoot: `apps/${a}/src`,
    tags: [`scope:${a}`, 'type:app'],
    targets: {
      serve: {
        executor: 'nx:run-commands',
        options: { command: `node --require ./dist/libs/platform/telemetry/src/preload.js dist/apps/${a}/src/main.js` },
      },
      // The service's image (deploy/docker/Dockerfile); `nx affected -t image` builds only those a change needs.
      image: { executor: 'nx:run-commands', options: { command: `bash scripts/images/build-image.sh ${a}` } },
    },
  });
for (const l of platform)
  write(`libs/platform/${l}`, {
    name: `platform-${l}`,
    $schema: '../../../node_modules/nx/schemas/project-schema.json',
    projectType: 'library',
    sourceRoot: `libs/platform/${l}/src`,
    tags: ['scope:shared', 'type:platform'],
  });
for (const l of domain)
  write(`libs/domain/${l}`, {
    name: `domain-${l}`,
    $schema: '../../../node_modules/nx/schemas/project-schema.json',
    projectType: 'library',
    sourceRoot: `libs/domain/${l}/src`,
    tags: ['scope:shared', 'type:domain'],
  });
