import type { Context } from 'aws-lambda';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SETTING_NAMES } from '../../shared/config';
import { handlerEntry, settingsOf, type FunctionSpec } from '../catalogue';
import { enforceTableAccess, runAs } from './table-access';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const loaded = new Map<string, Promise<LambdaHandler>>();
/** Cold starts one after another: each sees process.env as its own function's environment. */
let coldStarts: Promise<unknown> = Promise.resolve();

/**
 * Imports a handler module seeing only the settings its catalogue entry declares, as Lambda
 * gives it only those: a handler that reads another fails here at start, as it would there.
 * (The other variables, the SDK's endpoints among them, stay.)
 */
function importAsColdStart(url: string, spec: FunctionSpec): Promise<{ handler?: LambdaHandler }> {
  const declared = new Set(settingsOf(spec));
  const started = coldStarts.then(async () => {
    const hidden = SETTING_NAMES.filter((name) => !declared.has(name) && process.env[name] !== undefined).map((name) => [name, process.env[name]] as const);
    for (const [name] of hidden) delete process.env[name];
    try {
      return (await import(url)) as { handler?: LambdaHandler };
    } finally {
      for (const [name, value] of hidden) process.env[name] = value;
    }
  });
  coldStarts = started.catch(() => undefined);
  return started;
}

/**
 * Imports the real handler module, once, like a Lambda cold start: its configuration is read
 * from process.env at that moment.
 */
export function loadHandler(projectRoot: string, spec: FunctionSpec): Promise<LambdaHandler> {
  enforceTableAccess();
  let handler = loaded.get(spec.name);
  if (!handler) {
    const url = pathToFileURL(path.join(projectRoot, handlerEntry(spec))).href;
    handler = importAsColdStart(url, spec).then((module) => {
      const handler = module.handler;
      if (typeof handler !== 'function') throw new Error(`${handlerEntry(spec)} does not export a handler`);
      return (event, context) => runAs(spec, () => handler(event, context));
    });
    loaded.set(spec.name, handler);
  }
  return handler;
}
