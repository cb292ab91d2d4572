import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mailIdTag } from '../domain/mail';
import type { RenderedMail } from '../mail/templates';
import { tracer } from '../observability/tracer';
import { withFaults } from './faults';

/**
 * Locally the endpoint comes from the SDK's AWS_ENDPOINT_URL_SESV2 variable (the emulator). Faults are
 * injected only where FAULTS is set (tests and the bench; see ./faults.ts).
 */
export const sesClient = withFaults(tracer.captureAWSv3Client(new SESv2Client({ requestHandler: { requestTimeout: 5000 } })), 'ses');

export interface Envelope {
  from: string;
  to: string;
}

/** Carried through SES into its delivery, bounce and complaint events, to find the mail again. */
export interface MailReference {
  mailId: string;
  eventId: string;
}

export interface Mailer {
  send(envelope: Envelope, mail: RenderedMail, reference: MailReference): Promise<string>;
}

/**
 * SES v2 "simple" content: we hand over subject, text, HTML and attachments and SES builds the
 * MIME message, so no MIME code of our own or of a library ships in the functions.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly configurationSet: string,
    private readonly client: SESv2Client = sesClient,
  ) {}

  async send(envelope: Envelope, mail: RenderedMail, reference: MailReference): Promise<string> {
    const { MessageId } = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: envelope.from,
        Destination: { ToAddresses: [envelope.to] },
        ConfigurationSetName: this.configurationSet,
        EmailTags: [
          { Name: 'mailId', Value: mailIdTag(reference.mailId) },
          { Name: 'eventId', Value: reference.eventId },
        ],
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
            Attachments: mail.attachments.map((attachment) => ({
              FileName: attachment.filename,
              ContentType: attachment.contentType,
              RawContent: typeof attachment.content === 'string' ? Buffer.from(attachment.content, 'utf8') : attachment.content,
              ContentDisposition: attachment.contentId ? 'INLINE' : 'ATTACHMENT',
              ...(attachment.contentId ? { ContentId: attachment.contentId } : {}),
            })),
          },
        },
      }),
    );
    if (!MessageId) throw new Error('SES accepted the message without a MessageId');
    return MessageId;
  }
}
