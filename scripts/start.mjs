// `pnpm start` builds the control center and serves it with its sync server on one port.
// `pnpm dev` runs the sync server and the Vite dev server (hot reload) side by side.
// Both are demos: they offer the demo tenants' development sign-in (--dev-sign-in), which NODE_ENV=production refuses.
import { spawn, spawnSync } from 'node:child_process';

const dev = process.argv.includes('--dev');
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--dev');
const serverEntry = ['exec', 'tsx', '--conditions=source', 'apps/control-center/server/main.ts', '--dev-sign-in'];

function run(args, env = {}) {
  const child = spawn('pnpm', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => process.exit(code ?? 0));
  return child;
}

if (dev) {
  const port = process.env.PORT ?? '4000';
  const server = run([...serverEntry, '--cors-origin', 'http://localhost:5173', ...passThrough], { PORT: port });
  const vite = run(['--filter', '@syncline/control-center', 'exec', 'vite', '--port', '5173'], {
    SYNCLINE_SERVER_URL: `http://127.0.0.1:${port}`,
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.kill(signal);
      vite.kill(signal);
    });
  }
} else {
  console.log('Building the control center…');
  const build = spawnSync('pnpm', ['--filter', '@syncline/control-center', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The control center did not build; see the errors above. Nothing was started.');
    process.exit(build.status ?? 1);
  }
  const server = run([...serverEntry, ...passThrough]);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
}
