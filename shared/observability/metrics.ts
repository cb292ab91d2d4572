import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * The business and health figures, each counted in exactly one place. The stack's alarms and
 * dashboard read them by these names.
 */
export const BUSINESS_METRICS = {
  /** Every accepted registration, with a seat or on the waitlist. */
  registrations: 'Registrations',
  /** Registrations that joined the waitlist. */
  waitlisted: 'Waitlisted',
  /** People moved from the waitlist to a seat. */
  promotions: 'Promotions',
  mailsSent: 'MailsSent',
  /** Mails given up on after every retry (or interrupted mid-send); the organiser sees them. */
  mailsParked: 'MailsParked',
  /** Unconfirmed registrations whose owner confirmed the address. */
  addressesConfirmed: 'AddressesConfirmed',
  /** Unconfirmed registrations that lapsed or were withdrawn: a high count next to few confirmations is a bot run. */
  holdsReleased: 'HoldsReleased',
  /** SES feedback: permanent bounces and complaints, which SES weighs when it decides to pause a sender. */
  mailsBounced: 'MailsBounced',
  mailsComplained: 'MailsComplained',
  /** Mails not sent because their address bounced or complained before. */
  mailsSuppressed: 'MailsSuppressed',
} as const;

export type BusinessMetric = (typeof BUSINESS_METRICS)[keyof typeof BUSINESS_METRICS];

/**
 * One `service` dimension for the whole application rather than one per function: a
 * promotion counts the same whichever function made it, so alarms and the dashboard read a
 * single series. The namespace (one per stage) comes from POWERTOOLS_METRICS_NAMESPACE.
 */
export const METRICS_SERVICE = 'event-registration';

export const metrics = new Metrics({ serviceName: METRICS_SERVICE });

export function count(metric: BusinessMetric, value = 1): void {
  if (value > 0) metrics.addMetric(metric, MetricUnit.Count, value);
}
