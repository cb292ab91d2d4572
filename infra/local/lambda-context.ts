import type { Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { limitsOf, type FunctionSpec } from '../catalogue';

/** The parts of a Lambda context our handlers and Powertools read. */
export function lambdaContext(spec: FunctionSpec): Context {
  const deadline = Date.now() + limitsOf(spec).timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: spec.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${spec.name}`,
    memoryLimitInMB: String(limitsOf(spec).memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${spec.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
