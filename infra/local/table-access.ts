import { AsyncLocalStorage } from 'node:async_hooks';
import { documentClient } from '../../shared/adapters/dynamo/client';
import type { FunctionSpec } from '../catalogue';

/**
 * IAM, emulated: a function may only call the DynamoDB actions its catalogue entry grants. In
 * AWS a missing grant is an AccessDenied in production; here it fails the local call (and so
 * the test that made it) with the same meaning. Each invocation runs with its function's
 * identity, as a Lambda runs with its own role.
 */
const caller = new AsyncLocalStorage<FunctionSpec>();

export const runAs = <T>(spec: FunctionSpec, invocation: () => Promise<T>): Promise<T> => caller.run(spec, invocation);

/** The IAM actions a DynamoDB request needs: a transaction needs those of each of its parts. */
export function actionsOf(commandName: string, input: Record<string, unknown>): string[] {
  const operation = commandName.replace(/Command$/, '');
  if (operation === 'TransactWrite' || operation === 'TransactWriteItems') {
    const items = (input.TransactItems ?? []) as Array<Record<string, unknown>>;
    const parts: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };
    return [...new Set(items.flatMap((item) => Object.keys(item).map((part) => parts[part] ?? part)))];
  }
  if (operation === 'TransactGet' || operation === 'TransactGetItems') return ['GetItem'];
  // A query of an index needs dynamodb:Query on that index's ARN, a grant of its own.
  if (operation === 'Query' && typeof input.IndexName === 'string') return [`Query:${input.IndexName}`];
  const documentNames: Record<string, string> = { Put: 'PutItem', Get: 'GetItem', Update: 'UpdateItem', Delete: 'DeleteItem', BatchGet: 'BatchGetItem', BatchWrite: 'BatchWriteItem' };
  return [documentNames[operation] ?? operation];
}

export class AccessDenied extends Error {
  override name = 'AccessDeniedException';
}

let installed = false;

/** Installs the check on the shared document client once; calls made outside a function (seeding, tests) are not checked. */
export function enforceTableAccess(): void {
  if (installed) return;
  installed = true;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const spec = caller.getStore();
      if (spec) {
        const granted = new Set(spec.table ?? []);
        const missing = actionsOf(String(context.commandName ?? ''), args.input as Record<string, unknown>).filter((action) => !granted.has(action as never));
        if (missing.length > 0) {
          throw new AccessDenied(`${spec.name} is not allowed to perform dynamodb:${missing.join(', dynamodb:')}: add it to its catalogue entry if it really needs it`);
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'localTableAccess' },
  );
}
