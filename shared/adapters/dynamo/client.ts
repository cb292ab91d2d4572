import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One client per execution environment. Locally the endpoint comes from the SDK's own
 * AWS_ENDPOINT_URL_DYNAMODB variable, so this code is identical in AWS and on DynamoDB Local.
 */
export const documentClient = DynamoDBDocumentClient.from(
  // A request that hangs must fail well inside the function's timeout, as a clear 503.
  new DynamoDBClient({ requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 } }),
  {
    marshallOptions: { removeUndefinedValues: true },
  },
);
