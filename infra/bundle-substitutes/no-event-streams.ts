/**
 * Stands in for `@smithy/core/event-streams` in the Lambda bundles (see `ALIASES` in
 * ../bundling.ts). The SDK loads it with `import()` only for operations that stream events
 * (Bedrock, Transcribe, S3 Select); DynamoDB and SES have none. Bundled, that lazy import
 * costs the event-stream codec and, because esbuild must wrap everything the import reaches
 * in lazy initialisers, the tree-shaking of much of @smithy/core: about 20 KB per function.
 */
function unsupported(): never {
  throw new Error('AWS event streams are not in this bundle: see infra/bundle-substitutes/no-event-streams.ts');
}

export class EventStreamSerde {
  constructor() {
    unsupported();
  }
}

export const eventStreamSerdeProvider = unsupported;
