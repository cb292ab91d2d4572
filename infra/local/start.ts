import { CLIENT_WRITE_LIMIT } from '../client-limit';
import { seedDemoAccounts } from './accounts';
import { DEMO_EVENT_ID, seedDemoEvent } from './seed';
import { startLocalRuntime } from './runtime';

const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number, got ${process.env[name]}`);
  return value;
};

const startedAt = Date.now();
const runtime = await startLocalRuntime({
  port: port('PORT', 3000),
  dynamoDbPort: port('DYNAMODB_PORT', 8000),
  sesPort: port('SES_PORT', 8005),
  eventBusPort: port('EVENT_BUS_PORT', 8006),
  allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
  clientWriteLimit: CLIENT_WRITE_LIMIT,
}).catch((error: Error) => {
  console.error(`Could not start the local system: ${error.message}`);
  process.exit(1);
});
const demo = await seedDemoEvent(runtime.tableName);
await seedDemoAccounts(runtime.stateDir, demo.organisationId);

console.log(`
Event registration is running locally (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s).

  API              ${runtime.apiUrl} (base URL; no page at /)
  Demo event       ${runtime.apiUrl}/events/${DEMO_EVENT_ID}
  Hosted form      ${runtime.apiUrl}/events/${DEMO_EVENT_ID}/register
  OpenAPI          ${runtime.apiUrl}/openapi.json
  Console          ${runtime.apiUrl}/console/ (organisers and door staff)
  Mail viewer      ${runtime.mailViewerUrl}
  State changes    ${runtime.apiUrl}/_local/published-events (what the event bus would carry)
  DynamoDB Local   ${runtime.dynamoDbUrl} (table ${runtime.tableName})

Organiser token:   npm run -s token -- --org ${demo.organisationId} [--role door]
Local accounts:    npm run organiser -- list | add --email … --organisation … [--role door] | remove --email …
Press Ctrl-C to stop everything.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await runtime.stop();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
// Killing `npm start` by its process id ends npm but not this process: when the parent is gone,
// stop too, so DynamoDB Local and the emulators do not keep the ports.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop();
}, 1000).unref();
