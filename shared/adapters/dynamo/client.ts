import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One client per execution environment. Locally the endpoint comes from the SDK's own
 * AWS_ENDPOINT_URL_DYNAMODB variable, so this code is identical in AWS and on DynamoDB Local.
 */
export const documentClient = DynamoDBDocumentClient.from(
  // A request that hangs must fail well inside the function's timeout, as a clear 503. The
  // connection timer also runs while a request waits for a pooled socket, so the pool is wide
  // enough that only a real connection problem can trip it (the local runtime serves many
  // concurrent invocations from one process; a Lambda instance serves one).
  new DynamoDBClient({ requestHandler: { connectionTimeout: 3000, requestTimeout: 5000, httpAgent: { maxSockets: 256 } } }),
  {
    marshallOptions: { removeUndefinedValues: true },
  },
);
