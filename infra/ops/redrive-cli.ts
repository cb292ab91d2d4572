import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { redrive, streamConsumer, UnknownStreamFunctionError, type RedriveClients, type RedriveReport } from './redrive';
import { streamFunctions } from '../catalogue';
import { explainAwsError } from './aws-hint';

/**
 * `npm run redrive -- --stage <stage> <function> [--dry-run]`. Exit codes: 0 when every message
 * was redriven (or, in a dry run, could be) or the queue was empty; 1 when any was kept or the
 * run stopped on an error; 2 for a wrong command line.
 */
const USAGE = `Usage: npm run redrive -- --stage <stage> <function-name> [--dry-run]
<function-name>: a stream-triggered function, one of ${streamFunctions().map((spec) => spec.name).join(', ')}.`;

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

export async function main(argv: string[], output: Output = console, clients: () => RedriveClients = awsClients): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { stage: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (error) {
    output.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    output.log(USAGE);
    return 0;
  }
  if (!values.stage || positionals.length !== 1) {
    output.error(`${!values.stage ? 'Missing --stage.' : 'Name exactly one function.'}\n${USAGE}`);
    return 2;
  }
  const functionName = positionals[0]!;
  try {
    // Checked before any client is built, so a typo is answered without credentials.
    streamConsumer(functionName);
  } catch (error) {
    if (error instanceof UnknownStreamFunctionError) {
      output.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }

  let report: RedriveReport;
  try {
    report = await redrive({ stage: values.stage, functionName, dryRun: values['dry-run'] }, clients());
  } catch (error) {
    output.error(`Redrive stopped: ${explainAwsError(error)}`);
    return 1;
  }
  for (const line of summarise(report)) output.log(line);
  return report.messages.every((message) => message.status !== 'kept') ? 0 : 1;
}

export function summarise(report: RedriveReport): string[] {
  const count = (status: string) => report.messages.filter((message) => message.status === status).length;
  const lines = [`Dead-letter queue of ${report.functionName}${report.dryRun ? ' (dry run: nothing invoked, nothing deleted)' : ''}: ${report.queueUrl}`];
  for (const message of report.messages) {
    if (message.status === 'redriven') lines.push(`  ${message.messageId}: redriven (${message.records} record(s)), deleted from the queue`);
    else if (message.status === 'ready') lines.push(`  ${message.messageId}: would redrive ${message.records} record(s)`);
    else lines.push(`  ${message.messageId}: kept. ${message.reason}`);
  }
  const done = report.dryRun ? `${count('ready')} could be redriven` : `${count('redriven')} redriven`;
  lines.push(`Messages found: ${report.messages.length}; ${done}; ${count('kept')} kept.`);
  return lines;
}

function awsClients(): RedriveClients {
  return { cloudFormation: new CloudFormationClient({}), sqs: new SQSClient({}), lambda: new LambdaClient({}), streams: new DynamoDBStreamsClient({}) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
