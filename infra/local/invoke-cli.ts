import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { catalogue } from '../catalogue';
import { loadHandler } from './handlers';
import { lambdaContext } from './lambda-context';
import { DEFAULTS } from '../../shared/config/defaults';
import { DEFAULT_MAIL_FROM, DEFAULT_TABLE_NAME, applyLocalEnvironment, projectRoot } from './runtime';

/**
 * `npm run invoke -- <function> <events/file.json>`: one real handler, one sample event,
 * against the stack that `npm start` runs (same ports and table).
 */
const [name, eventFile] = process.argv.slice(2);
const spec = catalogue.find((candidate) => candidate.name === name);
if (!spec || !eventFile) {
  console.error(`Usage: npm run invoke -- <function> <events/file.json>\nFunctions: ${catalogue.map((entry) => entry.name).join(', ')}`);
  process.exit(2);
}
const port = process.env.PORT ?? '3000';
applyLocalEnvironment({
  dynamoDbUrl: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? '8000'}`,
  sesUrl: `http://127.0.0.1:${process.env.SES_PORT ?? '8005'}`,
  eventBusUrl: `http://127.0.0.1:${process.env.EVENT_BUS_PORT ?? '8006'}`,
  tableName: process.env.TABLE_NAME ?? DEFAULT_TABLE_NAME,
  publicBaseUrl: `http://127.0.0.1:${port}`,
  mailFrom: DEFAULT_MAIL_FROM,
  mailRatePerSecond: DEFAULTS.mailRatePerSecond,
  mailRetryBaseSeconds: DEFAULTS.mailRetryBaseSeconds,
});
const event = JSON.parse(await readFile(path.resolve(eventFile), 'utf8')) as unknown;
const handler = await loadHandler(projectRoot, spec);
const result = await handler(event, lambdaContext(spec));
console.log(JSON.stringify(result, null, 2));
