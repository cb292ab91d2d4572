import { DynamoDBClient, type ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface CapacityLog {
  /** Every call's operation and the capacity DynamoDB reported for it, in order. */
  calls: { operation: string; capacity: ConsumedCapacity[]; items: number }[];
  writeUnits(operation?: string): number;
  clear(): void;
}

/**
 * A document client that asks DynamoDB to report the capacity of every call
 * (ReturnConsumedCapacity: INDEXES) and keeps the reports: what the write-cost test and the
 * bench read their figures from.
 */
export function capacityReportingClient(endpoint: string): { client: DynamoDBDocumentClient; log: CapacityLog } {
  const base = new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const calls: CapacityLog['calls'] = [];
  base.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      const reported = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems?.length ?? 1;
      calls.push({ operation: String(context.commandName).replace(/Command$/, ''), capacity: reported === undefined ? [] : [reported].flat(), items });
      return result;
    },
    { step: 'initialize', name: 'reportConsumedCapacity' },
  );
  const log: CapacityLog = {
    calls,
    writeUnits: (operation) =>
      calls
        .filter((call) => operation === undefined || call.operation === operation)
        .flatMap((call) => call.capacity)
        .reduce((sum, capacity) => sum + (capacity.CapacityUnits ?? 0), 0),
    clear: () => calls.splice(0),
  };
  return { client: DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } }), log };
}
