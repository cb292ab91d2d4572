import { DescribeTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';

/**
 * What the table saw: its item count (a Scan with Select COUNT) and every stream record since
 * the last look. The stream is read as a second, passive reader beside the local stack's
 * poller (reading a stream consumes nothing), from the start of each shard, so no record
 * slips between two looks.
 */
export class TableWatch {
  private readonly iterators = new Map<string, string>();
  private readonly finished = new Set<string>();
  private streamArn = '';

  private constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly streams: DynamoDBStreamsClient,
    private readonly tableName: string,
  ) {}

  static async open(endpoint: string, tableName: string): Promise<TableWatch> {
    const config = { endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
    const watch = new TableWatch(new DynamoDBClient(config), new DynamoDBStreamsClient(config), tableName);
    const { Table } = await watch.dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`${tableName} has no stream`);
    watch.streamArn = Table.LatestStreamArn;
    // Everything written before the watch began is history.
    await watch.newRecords();
    return watch;
  }

  async itemCount(): Promise<number> {
    let count = 0;
    let startKey: Record<string, never> | undefined;
    do {
      const page = await this.dynamo.send(new ScanCommand({ TableName: this.tableName, Select: 'COUNT', ExclusiveStartKey: startKey }));
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey as typeof startKey;
    } while (startKey);
    return count;
  }

  private async discoverShards() {
    let start: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }));
      for (const shard of StreamDescription?.Shards ?? []) {
        const id = shard.ShardId!;
        if (this.iterators.has(id) || this.finished.has(id)) continue;
        const { ShardIterator } = await this.streams.send(new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: id, ShardIteratorType: 'TRIM_HORIZON' }));
        if (ShardIterator) this.iterators.set(id, ShardIterator);
        else this.finished.add(id);
      }
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
  }

  /** Every record written since the last call. */
  async newRecords(): Promise<StreamRecord[]> {
    await this.discoverShards();
    const records: StreamRecord[] = [];
    let more = true;
    while (more) {
      more = false;
      for (const [id, iterator] of [...this.iterators]) {
        const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        records.push(...(page.Records ?? []));
        if (page.NextShardIterator) this.iterators.set(id, page.NextShardIterator);
        else {
          this.iterators.delete(id);
          this.finished.add(id);
          more = true;
        }
        if ((page.Records?.length ?? 0) > 0) more = true;
      }
      if (more) await this.discoverShards();
    }
    return records;
  }
}

/** A record as one line: what it did to which item, for a failure message. */
export const describeRecord = (record: StreamRecord) => `${record.eventName} ${record.dynamodb?.Keys?.PK?.S} ${record.dynamodb?.Keys?.SK?.S}`;

/** Whether the record touches an item that names any of `ids` (in its keys or attributes). */
export const mentions = (record: StreamRecord, ids: readonly string[]) => {
  const text = JSON.stringify(record.dynamodb ?? {});
  return ids.some((id) => id.length > 0 && text.includes(id));
};
