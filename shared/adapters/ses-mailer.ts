import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { RenderedMail } from '../mail/templates';

/** Locally the endpoint comes from the SDK's AWS_ENDPOINT_URL_SES variable (the emulator). */
export const sesClient = new SESClient({ requestHandler: { requestTimeout: 5000 } });

export interface Envelope {
  from: string;
  to: string;
}

export interface Mailer {
  send(envelope: Envelope, mail: RenderedMail): Promise<string>;
}

/** MIME is built by nodemailer's composer; SES only carries the raw message. */
export class SesMailer implements Mailer {
  constructor(private readonly client: SESClient = sesClient) {}

  async send(envelope: Envelope, mail: RenderedMail): Promise<string> {
    const raw = await new MailComposer({
      from: envelope.from,
      to: envelope.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments,
    })
      .compile()
      .build();
    const { MessageId } = await this.client.send(new SendRawEmailCommand({ RawMessage: { Data: raw } }));
    if (!MessageId) throw new Error('SES accepted the message without a MessageId');
    return MessageId;
  }
}
