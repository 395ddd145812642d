// `pnpm start`: the control center and its sync server on one port. Environment: PORT (default 4000),
// HOST (default 127.0.0.1), SYNCLINE_DATA_DIR (default ./data), SYNCLINE_JWT_SECRET (else a development
// secret kept in the data directory). Flags: --no-seed, --no-simulator, --app-dir <dist>, --cors-origin <origin>,
// --dev-sign-in (the demo tenants' sign-in; `pnpm start` and `pnpm dev` pass it, production refuses it).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type RunningControlCenter, startControlCenter } from './control-center';

const { values } = parseArgs({
  options: {
    'no-seed': { type: 'boolean', default: false },
    'no-simulator': { type: 'boolean', default: false },
    'app-dir': { type: 'string' },
    'cors-origin': { type: 'string', multiple: true },
    'dev-sign-in': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: pnpm start [-- --no-seed] [--no-simulator]

Starts the Syncline control center and its sync server (embedded SQLite) on one port.
  PORT                 port to listen on (default 4000)
  HOST                 interface to bind (default 127.0.0.1)
  SYNCLINE_DATA_DIR    where the database and development secret live (default ./data)
  SYNCLINE_JWT_SECRET  token signing secret (default: generated once, kept in the data directory)
  --no-seed            do not create demo data in empty tenants
  --no-simulator       do not run the machine simulator
  --dev-sign-in        offer the demo tenants on the sign-in screen (GET /dev/tokens: 30-day tokens for anyone
                       who asks); \`pnpm start\` passes it; refused with NODE_ENV=production`);
  process.exit(0);
}

const port = Number(process.env.PORT ?? 4000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number (0-65535); it is "${process.env.PORT}".`);
  process.exit(2);
}

const dataDir = resolve(process.env.SYNCLINE_DATA_DIR ?? 'data');
const started = Date.now();
console.log(`Starting the Syncline control center (data in ${dataDir})…`);

let running: RunningControlCenter;
try {
  running = await startControlCenter({
    dataDir,
    appDir: resolve(values['app-dir'] ?? resolve(import.meta.dirname, '../dist')),
    port,
    host: process.env.HOST ?? '127.0.0.1',
    seed: !values['no-seed'],
    simulate: !values['no-simulator'],
    corsOrigins: values['cors-origin'],
    devSignIn: values['dev-sign-in'],
    logLevel: 'warn',
  });
} catch (error) {
  console.error(`The control center did not start: ${(error as Error).message}`);
  process.exit(1);
}

const signIn = values['dev-sign-in']
  ? `pick a demo tenant on the sign-in screen:
${running.accounts.map((account) => `              ${account.tenantName} (${account.tenant}), as ${account.user} (${account.role})`).join('\n')}`
  : `with a token (development sign-in is off; --dev-sign-in offers the demo tenants):
              ${process.env.SYNCLINE_JWT_SECRET ? '' : `SYNCLINE_JWT_SECRET=$(cat ${dataDir}/jwt-secret) `}pnpm -s syncline-server token --tenant T --sub U --role R`;

console.log(`
  Syncline control center is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)

  Open      ${running.url}
  Sign in   ${signIn}
  GraphQL   ${running.graphqlUrl}
  Simulator ${values['no-simulator'] ? 'off' : 'on: machines report telemetry, run cycles and raise alarms'}

  Press Ctrl+C to stop.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping…');
  await running.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
