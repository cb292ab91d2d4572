import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { pascal } from '../names';

/**
 * The outputs the stacks publish for operators' commands (`npm run organiser`, `npm run
 * redrive`). The stacks write them with these keys and the commands read them with these keys.
 */
export const outputKeys = {
  userPoolId: 'UserPoolId',
  tableName: 'TableName',
  userPoolClientId: 'UserPoolClientId',
  signInDomain: 'SignInDomain',
  apiUrl: 'ApiUrl',
  publicUrl: 'PublicUrl',
  alarmTopicArn: 'AlarmTopicArn',
  /** The dead-letter queue of one stream-triggered function, by its catalogue name. */
  deadLetterQueueUrl: (functionName: string) => `${pascal(functionName)}DeadLetterQueueUrl`,
  /** The deployed name of one catalogue function. */
  functionName: (functionName: string) => `${pascal(functionName)}FunctionName`,
} as const;

export async function readStackOutputs(stackName: string, client = new CloudFormationClient({})): Promise<Record<string, string>> {
  const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: stackName }));
  const stack = Stacks?.[0];
  if (!stack) throw new Error(`Stack ${stackName} was not found: deploy it first (see "Deploying to AWS" in the README).`);
  return Object.fromEntries((stack.Outputs ?? []).filter((output) => output.OutputKey && output.OutputValue).map((output) => [output.OutputKey!, output.OutputValue!]));
}

export function requireOutput(outputs: Record<string, string>, key: string, stackName: string): string {
  const value = outputs[key];
  if (!value) throw new Error(`Stack ${stackName} has no output ${key}: redeploy it with this version.`);
  return value;
}
