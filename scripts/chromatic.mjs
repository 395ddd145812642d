// Publishes the built Storybook to Chromatic when CHROMATIC_PROJECT_TOKEN is set; otherwise explains how and exits 0.
import { spawnSync } from 'node:child_process';

if (!process.env.CHROMATIC_PROJECT_TOKEN) {
  console.log(
    [
      'Chromatic: CHROMATIC_PROJECT_TOKEN is not set, so nothing was published.',
      'To publish the Storybook (light and dark modes) to Chromatic:',
      '  1. create a project at chromatic.com and copy its project token;',
      '  2. run: CHROMATIC_PROJECT_TOKEN=<token> pnpm chromatic',
    ].join('\n'),
  );
  process.exit(0);
}
const build = spawnSync('pnpm', ['build-storybook'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(
  'pnpm',
  ['exec', 'chromatic', '--storybook-build-dir', 'storybook-static', '--exit-zero-on-changes'],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
