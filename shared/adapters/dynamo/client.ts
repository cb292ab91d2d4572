import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tracer } from '../../observability/tracer';
import { withFaults } from '../faults';

/**
 * One client per execution environment. Locally the endpoint comes from the SDK's own
 * AWS_ENDPOINT_URL_DYNAMODB variable, so this code is identical in AWS and on DynamoDB Local.
 */
export const documentClient = DynamoDBDocumentClient.from(
  // A stalled request is logged after 5 s (requestTimeout warns; it does not abort). What
  // bounds a request is the function's own deadline: middy raises a TimeoutError just before
  // it, which the HTTP layer answers as a 503. No connection timer: it also counts time spent
  // waiting for a pooled socket and would fire under local bursts.
  // Faults are injected only where FAULTS is set (tests and the bench; see ../faults.ts).
  withFaults(tracer.captureAWSv3Client(new DynamoDBClient({ requestHandler: { requestTimeout: 5000 } })), 'dynamodb'),
  {
    marshallOptions: { removeUndefinedValues: true },
  },
);
