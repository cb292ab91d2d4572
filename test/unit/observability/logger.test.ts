import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { MessageRejected } from '@aws-sdk/client-sesv2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logger } from '../../../shared/observability/logger';

// Powertools writes through its own Console on process.stdout/stderr: the lines are read there.
let lines: string[] = [];
let restore: Array<() => void> = [];

beforeEach(() => {
  lines = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof stream.write;
    restore.push(() => void (stream.write = write));
  }
  logger.setLogLevel('DEBUG');
});

afterEach(() => {
  logger.setLogLevel('SILENT');
  for (const undo of restore.splice(0)) undo();
});

const printed = () => JSON.parse(lines.join('')) as Record<string, any>;

describe('the logger withholds personal data', () => {
  it('keeps a cancelled transaction\'s codes and request id, not the items its conditions read', () => {
    const error = new TransactionCanceledException({
      $metadata: { httpStatusCode: 400, requestId: 'REQ1' },
      message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
      CancellationReasons: [
        { Code: 'None' },
        { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { name: { S: 'Ans de Vries' }, email: { S: 'ans@example.org' } } },
      ],
    });
    Object.defineProperty(error, '$response', { value: { body: 'ans@example.org' }, enumerable: true });

    logger.error('Unhandled error', error);

    const line = lines.join('');
    expect(line).not.toMatch(/Ans de Vries|ans@example\.org/);
    expect(printed().error).toMatchObject({
      name: 'TransactionCanceledException',
      $metadata: { httpStatusCode: 400, requestId: 'REQ1' },
      CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }],
    });
  });

  it('takes the recipient out of an SES rejection, in its message, its stack and its cause', () => {
    const message = 'Email address is not verified. The following identities failed the check in region EU-WEST-1: jan@xn--gemente-uya.nl';
    const error = new Error('Send failed', { cause: new MessageRejected({ $metadata: {}, message }) });

    logger.warn('Mail failed', { error });

    expect(lines.join('')).not.toContain('jan@');
    expect(printed().error.cause).toMatchObject({ name: 'MessageRejected', message: 'Email address is not verified. The following identities failed the check in region EU-WEST-1: [address]' });
  });

  it('logs a person\'s record by its identifiers only, and no request body, header or link token', () => {
    logger.debug('Registration', {
      registration: { registrationId: 'R1', eventId: 'E1', status: 'confirmed', name: 'Ans de Vries', email: 'ans@example.org', dietaryNeeds: 'vegan' },
      event: { body: '{"email":"ans@example.org"}', headers: { authorization: 'Bearer x' }, rawPath: '/registrations/R1' },
      link: 'https://events.example.org/registrations/R1?token=s3cr3t-t0ken&lang=nl',
    });

    expect(printed()).toMatchObject({
      message: 'Registration',
      registration: { registrationId: 'R1', eventId: 'E1', status: 'confirmed' },
      event: { body: '[withheld]', headers: '[withheld]', rawPath: '/registrations/R1' },
      link: 'https://events.example.org/registrations/R1?token=[withheld]&lang=nl',
    });
    expect(lines.join('')).not.toMatch(/Ans de Vries|vegan|s3cr3t/);
  });

  it('leaves what an operator needs alone', () => {
    logger.info('Mail record handled', { mailId: 'M1', kind: 'reminder', outcome: 'sent', count: 2 });

    expect(printed()).toMatchObject({ level: 'INFO', message: 'Mail record handled', mailId: 'M1', kind: 'reminder', outcome: 'sent', count: 2 });
  });
});
