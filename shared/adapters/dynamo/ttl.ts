/** DynamoDB's TTL attribute (`expiresAt`) holds seconds since the epoch. */
export const ttlSeconds = (instant: string): number => Math.floor(Date.parse(instant) / 1000);
