import { fc, it } from '@fast-check/vitest';
import { beforeAll, describe, expect, inject } from 'vitest';
import { openApiDocument } from '../../shared/http/openapi';
import { allMail, api, apiContract, createEvent, personalLinkFor, settle, uniqueEmail, call } from '../support/local-stack';
import type { ApiContract } from '../support/api-contract';
import type { JsonSchema } from '../support/hostile/json-schema';
import { hostileRequest, materialise, routesOf, type HostileRequest, type Materialised, type Route, type Target, type Tokens } from '../support/hostile/requests';
import { describeRecord, mentions, TableWatch } from '../support/hostile/writes';

/**
 * Generated hostile input against the real local stack, for every HTTP route of the catalogue.
 * Each run is a batch of requests sent at once, each against a target of its own (an event of
 * the integration organisation with one registration on it); the table's stream and item count
 * are read before and after, so every write is traced to the request that made it.
 *
 * Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> npx vitest run --project integration test/integration/hostile-input.test.ts
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const BATCH = 20;
const RUNS = Number(process.env.FUZZ_RUNS ?? 55);
fc.configureGlobal({ seed: SEED });
console.log(`hostile-input: seed ${SEED} (${RUNS} batches of ${BATCH}); reproduce with FUZZ_SEED=${SEED}`);

// The document the stack serves is generated from the same catalogue; beforeAll checks they are one.
const document = openApiDocument() as unknown as { paths: never; components: { schemas: Record<string, JsonSchema> } };
const resolve = (ref: string): JsonSchema => {
  const schema = document.components.schemas[ref.replace('#/components/schemas/', '')];
  if (!schema) throw new Error(`No schema ${ref}`);
  return schema;
};
const routes = routesOf(document);
const routeByName = new Map(routes.map((route) => [route.name, route]));
/**
 * Routes that take a body or parameters get most of the runs. Routes whose only input is the
 * path (cancelling, erasing, checking in) succeed on most tries and use up their target, so
 * they get fewer.
 */
const WEIGHTS: Record<string, number> = { register: 24, 'create-event': 16, 'update-event': 16, 'send-message': 8, 'network-consent': 8, 'request-certificates': 4, 'check-in-by-code': 8, 'correct-address': 8 };
const PATH_ONLY_WRITES = new Set(['cancel-event', 'delete-event', 'admin-cancel-registration', 'admin-erase-registration', 'admin-confirm-registration', 'check-in', 'undo-check-in']);
const anyRequest = fc.oneof(...routes.map((route) => ({ arbitrary: hostileRequest(route, resolve), weight: WEIGHTS[route.name] ?? (PATH_ONLY_WRITES.has(route.name) ? 1 : 4) })));

let contract: ApiContract;
let watch: TableWatch;
let tokens: Tokens;
/** The target of each slot of a batch, and fresh ones for slots whose target a request changed. */
const targets: Target[] = [];
const spares: Target[] = [];
const tally = { requests: 0, refused: 0, accepted: 0, byStatus: new Map<number, number>() };

async function newTarget(): Promise<Target> {
  const event = await createEvent({ capacity: 50, emailConfirmation: 'off', certificate: { enabled: true, hours: 2 } });
  const email = uniqueEmail('hostile-target');
  const registered = await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Target Person', email, consent: true } });
  if (registered.status !== 201) throw new Error(`Could not register the target: ${registered.status} ${registered.text}`);
  const link = await personalLinkFor(email);
  return { eventId: event.id, registrationId: link.registrationId, token: link.token, email };
}

/** The system is quiet and every record so far is read: the next batch starts from a clean page. */
async function quiet() {
  await settle();
  await watch.newRecords();
}

/** Makes `count` targets at once (ten at a time), then waits for the system to be quiet once. */
async function stockSpares(count: number) {
  for (let made = 0; made < count; made += 10) spares.push(...(await Promise.all(Array.from({ length: Math.min(10, count - made) }, newTarget))));
  await quiet();
}

interface Answer {
  request: HostileRequest;
  sent: Materialised;
  status: number;
  contentType: string;
  text: string;
  headers: Headers;
}

async function send(request: HostileRequest, target: Target): Promise<Answer> {
  const sent = materialise(request, routeByName, target, tokens, inject('apiUrl'));
  const response = await fetch(sent.url, { method: sent.method, headers: sent.headers, body: sent.body, redirect: 'manual' });
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
  return { request, sent, status: response.status, contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim(), text, headers: response.headers };
}

const describeAnswer = (answer: Answer) =>
  `${answer.sent.method} ${answer.sent.pathAndQuery.slice(0, 200)} [${answer.request.auth}] ${answer.request.body ? `(${answer.request.body.probe}, ${answer.request.body.contentType ?? 'no content type'}) ${JSON.stringify(Buffer.from(answer.sent.body ?? []).toString('utf8').slice(0, 200))}` : ''} → ${answer.status} ${answer.contentType} ${answer.text.slice(0, 300)}`;

/** What about an answer the rules forbid: a 5xx, a 4xx that is not a problem, an answer the document does not describe, a request that had to be refused. */
function answerFaults(answer: Answer): string[] {
  const faults: string[] = [];
  const route = routeByName.get(answer.request.route)!;
  if (answer.status >= 500) faults.push(`answered ${answer.status}`);
  const mismatches = contract.mismatches({ method: answer.sent.method, path: answer.sent.pathAndQuery, status: answer.status, headers: answer.headers, text: answer.text });
  faults.push(...mismatches.map((mismatch) => `not as /openapi.json describes it: ${mismatch}`));
  if (answer.status >= 400 && answer.status < 500 && answer.contentType !== 'application/problem+json') {
    // API Gateway's own answer before any function runs: no valid token (401).
    const gateway = answer.contentType === 'application/json' && answer.status === 401 && route.auth === 'organiser';
    // Pages by contract: the hosted form's mistakes (400, 409) and a dead link opened in a browser (404).
    const declaredPage = answer.contentType === 'text/html' && (route.contract.responses[answer.status]?.content?.['text/html'] !== undefined || (answer.status === 404 && route.method === 'GET'));
    if (!gateway && !declaredPage) faults.push(`a ${answer.status} as ${answer.contentType || 'no content type'}, not application/problem+json`);
  }
  if (answer.sent.mustRefuse.length > 0 && !(answer.status >= 400 && answer.status < 500)) faults.push(`had to be refused (${answer.sent.mustRefuse.join('; ')}) but answered ${answer.status}`);
  return faults;
}

/** Ids an accepted request may have written under: its target's and any the answer names. */
function idsOf(answer: Answer, target: Target): string[] {
  const named = [...answer.text.matchAll(/"(?:id|registrationId|eventId)":"([^"]+)"/g)].map((match) => match[1]!);
  const location = answer.headers.get('location')?.match(/\/(?:events|registrations)\/([^/?]+)/)?.[1];
  return [target.eventId, target.registrationId, ...named, ...(location ? [location] : [])];
}

describe('hostile input, generated from the schemas and /openapi.json', () => {
  beforeAll(async () => {
    const served = await fetch(api('/openapi.json')).then((response) => response.json());
    expect(served).toEqual(JSON.parse(JSON.stringify(document)));
    contract = await apiContract();
    tokens = { organiser: inject('organiserToken'), door: inject('doorToken'), 'other-organisation': inject('otherOrganiserToken') };
    watch = await TableWatch.open(inject('dynamoDbUrl'), inject('tableName'));
    await stockSpares(BATCH + 20);
    targets.push(...spares.splice(0, BATCH));
  });

  it('covers every HTTP route of the catalogue', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((route) => `${route.method} ${route.template}`)).toContain('POST /events/{eventId}/registrations');
  });

  it.prop([fc.array(anyRequest, { minLength: BATCH, maxLength: BATCH })], { numRuns: RUNS, endOnFailure: true })(
    `${RUNS * BATCH} hostile requests (${RUNS} batches of ${BATCH}, seed ${SEED}): no 5xx, every 4xx a problem, a refused request writes nothing`,
    async (batch) => {
      const startedAt = Date.now();
      const countBefore = await watch.itemCount();
      const answers = await Promise.all(batch.map((request, slot) => send(request, targets[slot]!)));
      const faults: string[] = [];
      for (const answer of answers) faults.push(...answerFaults(answer).map((fault) => `${fault}\n    ${describeAnswer(answer)}`));

      // A handler's writes are in the stream when it answers; only if there are some can more follow (mail, promotions).
      const refused = (answer: Answer) => answer.status >= 400;
      let records = await watch.newRecords();
      if (records.length > 0) {
        await settle();
        records = [...records, ...(await watch.newRecords())];
      }
      const countAfter = await watch.itemCount();

      // Every write belongs to a request that was accepted, and names its target or what it created.
      const accepted = answers.map((answer, slot) => ({ answer, slot })).filter(({ answer }) => !refused(answer));
      const explaining = accepted.flatMap(({ answer, slot }) => idsOf(answer, targets[slot]!));
      for (const record of records) if (!mentions(record, explaining)) faults.push(`a write no accepted request explains: ${describeRecord(record)}`);
      answers.forEach((answer, slot) => {
        if (!refused(answer)) return;
        const target = targets[slot]!;
        const written = records.filter((record) => mentions(record, [target.eventId, target.registrationId]));
        if (written.length > 0) faults.push(`refused, yet wrote ${written.map(describeRecord).join(', ')}\n    ${describeAnswer(answer)}`);
      });
      const netInserts = records.filter((record) => record.eventName === 'INSERT').length - records.filter((record) => record.eventName === 'REMOVE').length;
      if (countAfter - countBefore !== netInserts) faults.push(`the item count moved by ${countAfter - countBefore}, the stream says ${netInserts}`);
      if (records.length > 0) {
        // No mail to the person on a target whose request was refused.
        const refusedEmails = new Set(answers.flatMap((answer, slot) => (refused(answer) ? [targets[slot]!.email] : [])));
        const mails = (await allMail()).filter((mail) => mail.at >= startedAt && mail.destination.to.some((to) => refusedEmails.has(to)));
        if (mails.length > 0) faults.push(`mail went to the target of a refused request: ${mails.map((mail) => `${mail.destination.to.join(',')}: ${mail.subject}`).join(' | ')}`);
      }

      for (const answer of answers) {
        tally.requests++;
        tally[refused(answer) ? 'refused' : 'accepted']++;
        tally.byStatus.set(answer.status, (tally.byStatus.get(answer.status) ?? 0) + 1);
      }
      // A target a request wrote to is used up: its slot takes a fresh one.
      const used = answers.flatMap((_, slot) => (records.some((record) => mentions(record, [targets[slot]!.eventId, targets[slot]!.registrationId])) ? [slot] : []));
      if (spares.length < used.length) await stockSpares(Math.max(20, used.length));
      for (const slot of used) targets[slot] = spares.pop()!;

      if (faults.length > 0) throw new Error(`seed ${SEED}: ${faults.length} fault(s):\n- ${faults.join('\n- ')}`);
    },
  );

  it('sent at least 1,000 generated requests, most of them refused', () => {
    console.log(`hostile-input: ${tally.requests} requests, ${tally.refused} refused, ${tally.accepted} accepted; statuses ${JSON.stringify(Object.fromEntries([...tally.byStatus].sort()))}`);
    expect(tally.requests).toBe(RUNS * BATCH);
    if (!process.env.FUZZ_RUNS) expect(tally.requests).toBeGreaterThanOrEqual(1000);
  });
});
