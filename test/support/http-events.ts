import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '../../shared/http/handler';

const eventsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'events');

/** The sample payloads in events/ are the same ones `npm run invoke` uses. */
export function sampleEvent<T = HttpEvent>(file: string, overrides: Partial<NoInfer<T>> = {}): T {
  const base = JSON.parse(readFileSync(path.join(eventsDir, file), 'utf8')) as T;
  return { ...base, ...overrides };
}

export const context = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
