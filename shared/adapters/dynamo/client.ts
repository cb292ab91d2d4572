import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One client per execution environment. Locally the endpoint comes from the SDK's own
 * AWS_ENDPOINT_URL_DYNAMODB variable, so this code is identical in AWS and on DynamoDB Local.
 */
export const documentClient = DynamoDBDocumentClient.from(
  // A request that stalls must fail well inside the function's timeout, as a clear 503.
  // requestTimeout runs once a socket is connected; no connection timer, because that one also
  // counts time spent waiting for a pooled socket and would fire under local bursts.
  new DynamoDBClient({ requestHandler: { requestTimeout: 5000 } }),
  {
    marshallOptions: { removeUndefinedValues: true },
  },
);
