import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stackNames } from '../deployment-config';
import { explainAwsError } from './aws-hint';
import { migrateTable } from './migrate';
import { outputKeys, readStackOutputs, requireOutput } from './stack-outputs';

/**
 * `npm run migrate -- --stage <stage>`: brings a deployed table to the current layout (see
 * migrate.ts). `--endpoint <url> --table <name>` points it at another table, such as DynamoDB
 * Local. Exit codes: 0 done, 1 stopped on an error, 2 wrong command line.
 */
const USAGE = 'Usage: npm run migrate -- --stage <stage>\n       npm run migrate -- --endpoint <url> --table <name>';

export async function main(argv: string[], output: { log(line: string): void; error(line: string): void } = console): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { stage: { type: 'string' }, endpoint: { type: 'string' }, table: { type: 'string' }, help: { type: 'boolean', default: false } } }));
  } catch (error) {
    output.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    output.log(USAGE);
    return 0;
  }
  if (!values.stage === !values.table || (values.endpoint && !values.table)) {
    output.error(`Name either --stage, or --table (with --endpoint for a local table).\n${USAGE}`);
    return 2;
  }
  try {
    let tableName = values.table;
    if (values.stage) {
      const stack = stackNames(values.stage).data;
      tableName = requireOutput(await readStackOutputs(stack, new CloudFormationClient({})), outputKeys.tableName, stack);
    }
    const client = DynamoDBDocumentClient.from(new DynamoDBClient(values.endpoint ? { endpoint: values.endpoint } : {}), { marshallOptions: { removeUndefinedValues: true } });
    output.log(`Migrating ${tableName} to the seat-counter layout`);
    const report = await migrateTable(client, tableName!, (line) => output.log(line));
    output.log(`Events migrated: ${report.eventsMigrated}; registrations moved: ${report.registrationsMoved}; leftovers cleared: ${report.leftoversCleared}.`);
    return 0;
  } catch (error) {
    output.error(`Migration stopped (run it again to resume): ${explainAwsError(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
