import type { Context } from 'aws-lambda';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { handlerEntry, type FunctionSpec } from '../catalogue';
import { enforceTableAccess, runAs } from './table-access';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const loaded = new Map<string, Promise<LambdaHandler>>();

/**
 * Imports the real handler module, once, like a Lambda cold start: its configuration is read
 * from process.env at that moment.
 */
export function loadHandler(projectRoot: string, spec: FunctionSpec): Promise<LambdaHandler> {
  enforceTableAccess();
  let handler = loaded.get(spec.name);
  if (!handler) {
    const url = pathToFileURL(path.join(projectRoot, handlerEntry(spec))).href;
    handler = import(url).then((module: { handler?: LambdaHandler }) => {
      const handler = module.handler;
      if (typeof handler !== 'function') throw new Error(`${handlerEntry(spec)} does not export a handler`);
      return (event, context) => runAs(spec, () => handler(event, context));
    });
    loaded.set(spec.name, handler);
  }
  return handler;
}
