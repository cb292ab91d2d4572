import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One client per execution environment. Locally the endpoint comes from the SDK's own
 * AWS_ENDPOINT_URL_DYNAMODB variable, so this code is identical in AWS and on DynamoDB Local.
 */
export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
