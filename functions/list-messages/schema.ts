import { messageFields } from '../send-message/schema';
import { described, type Operation } from '../../shared/schemas/contract';
import * as z from '../../shared/schemas/zod';

const count = z.int().check(z.minimum(0));

const messageStatus = z.strictObject({
  ...messageFields,
  state: described(z.enum(['scheduled', 'sending', 'sent', 'skipped']), '`scheduled` until the sweep (within a minute) writes its mails, `sent` once every mail is written; each mail then goes out at the mail rate.'),
  counts: described(
    z.strictObject({ recipients: count, sent: count, pending: count, failed: count, suppressed: count }),
    'Its mails: one per recipient; sent, still to send or being retried (`pending`), given up after every retry (`failed`, see failed-mail), and withheld (`suppressed`: the address bounced, complained or is unconfirmed, or the registration is gone).',
  ),
});
z.globalRegistry.add(messageStatus, { id: 'MessageStatus', description: 'A message to participants and what became of its mails.' });

export const messageList = z.strictObject({ items: z.array(messageStatus) });
z.globalRegistry.add(messageList, { id: 'MessageList', description: "The event's messages, newest first." });

export const contract = {
  responses: { 200: { description: "The event's messages, newest first, with their mails' counts.", content: { 'application/json': messageList } } },
} satisfies Operation;
