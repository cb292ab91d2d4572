import { inject } from 'vitest';

// Tests that use repositories directly talk to the same DynamoDB Local as the stack.
Object.assign(process.env, {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoDbUrl'),
  TABLE_NAME: inject('tableName'),
});
