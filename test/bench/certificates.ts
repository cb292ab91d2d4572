import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ulid } from 'ulid';
import { writeEventWithRegistrations } from '../support/seed-event';
import { mailingItem } from '../../shared/adapters/dynamo/mailing-repository';
import type { renderCertificatePdf } from '../../shared/certificates/pdf';
import { certificateFor } from '../../shared/domain/certificate';
import { newEvent } from '../../shared/domain/event-changes';
import { certificatesMailing } from '../../shared/domain/mailing';
import { checkInCodeOf, retentionEnd, type Registration } from '../../shared/domain/registration';
import { LOCAL_REGION, projectRoot, type LocalRuntime } from '../../infra/local/runtime';
import { asDeployed } from './bundle-sizes';
import { setTimeout as sleep } from 'node:timers/promises';


/**
 * The renderer as the certificate functions carry it: bundled with the deployed settings (brotli
 * left out of fontkit, see infra/bundling.ts), and the font beside it, as in the Lambda package.
 */
async function withBundledRenderer<T>(run: (render: typeof renderCertificatePdf) => Promise<T>): Promise<T> {
  const outdir = await mkdtemp(path.join(tmpdir(), 'event-registration-pdf-'));
  try {
    await build({ ...asDeployed(projectRoot, 'shared/certificates/pdf.ts', outdir), write: true });
    await copyFile(path.join(projectRoot, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), path.join(outdir, 'DejaVuSans.ttf'));
    const bundled = (await import(pathToFileURL(path.join(outdir, 'index.mjs')).href)) as { renderCertificatePdf: typeof renderCertificatePdf };
    return await run(bundled.renderCertificatePdf);
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

/** One certificate, rendered warm (the font parsed and the code compiled), many times, by the bundled renderer. */
export async function pdfFigures(rounds: number) {
  return withBundledRenderer((renderCertificatePdf) => renderedFigures(renderCertificatePdf, rounds));
}

async function renderedFigures(render: typeof renderCertificatePdf, rounds: number) {
  const event = newEvent(
    { title: 'Iedereen aan tafel: masterclass inclusieve burgerparticipatie', startsAt: '2026-12-07T09:00:00+01:00', endsAt: '2026-12-07T17:30:00+01:00', venue: { name: 'Utrecht' }, capacity: 30, certificate: { hours: 6.5, organiserName: 'Publiek Denken', signatoryName: 'Marion van der Voort', signatoryTitle: 'Hoofddocent' } },
    { id: ulid(), organisationId: 'bench' },
    new Date(),
  );
  const registration = { registrationId: ulid(), name: 'Zoë Ça Ğ', language: 'nl' } as Registration;
  const certificate = certificateFor(event, registration, 'K7QX2-9MDRT', new Date());
  const url = 'https://events.example.org/certificates/K7QX2-9MDRT';
  await render(certificate, url);
  const times: number[] = [];
  let bytes = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    bytes = (await render(certificate, url)).byteLength;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, bytes };
}

/** An ended event with N checked-in participants, certificates requested: until all are mailed. */
export async function certificateMailing(runtime: LocalRuntime, participants: number) {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.dynamoDbUrl, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  const now = new Date();
  const event = {
    ...newEvent(
      { title: `Certificates ${now.getTime()}`, startsAt: new Date(now.getTime() - 8 * 3_600_000).toISOString(), endsAt: new Date(now.getTime() - 3_600_000).toISOString(), venue: { name: 'Bench' }, capacity: participants, reminders: [], certificate: { hours: 6.5 } },
      { id: ulid(), organisationId: 'bench' },
      new Date(now.getTime() - 86_400_000),
    ),
  };
  const registrations = Array.from({ length: participants }, (_, index) => {
    const registrationId = ulid();
    const registration: Registration = {
      registrationId,
      eventId: event.id,
      name: `Deelnemer ${index} Çağ`,
      email: `certificate${index}@example.org`,
      language: 'nl',
      status: 'confirmed',
      createdAt: event.createdAt,
      consentedAt: event.createdAt,
      retainUntil: retentionEnd(event),
      checkInCode: checkInCodeOf(registrationId),
      checkedInAt: event.startsAt,
    };
    return registration;
  });
  await writeEventWithRegistrations(client, runtime.tableName, event, registrations, { organisationIndex: false });

  const started = performance.now();
  const subject = `Je certificaat: ${event.title}`;
  const seen = new Set<string>();
  const perRecipient = new Map<string, number>();
  let since = Math.floor(Date.now() / 1000) - 1;
  // Requested twice: the second request must mail nobody again.
  await client.send(new PutCommand({ TableName: runtime.tableName, Item: mailingItem(certificatesMailing(event.id, `certificates-${ulid()}`, 'attended', new Date())) }));
  await client.send(new PutCommand({ TableName: runtime.tableName, Item: mailingItem(certificatesMailing(event.id, `certificates-${ulid()}`, 'attended', new Date())) }));
  let quietSince = 0;
  while (seen.size < participants || performance.now() - quietSince < 5000) {
    await sleep(1000);
    const polledAt = Math.floor(Date.now() / 1000);
    const { emails } = (await (await fetch(`${runtime.mailViewerUrl}/store?since=${since}`)).json()) as { emails: Array<{ messageId: string; subject: string; destination: { to: string[] } }> };
    since = polledAt - 2;
    let fresh = 0;
    for (const mail of emails) {
      if (mail.subject !== subject || seen.has(mail.messageId)) continue;
      seen.add(mail.messageId);
      fresh++;
      perRecipient.set(mail.destination.to[0]!, (perRecipient.get(mail.destination.to[0]!) ?? 0) + 1);
    }
    if (fresh > 0 || seen.size < participants) quietSince = performance.now();
  }
  client.destroy();
  const duplicates = [...perRecipient.values()].reduce((sum, count) => sum + count - 1, 0);
  return { participants, totalMs: quietSince - started, duplicates };
}
