/**
 * What a function gets when nothing says otherwise: one home for the deployment (CDK) and the
 * local runtime, so `npm start` behaves as a stage deployed without overrides.
 */
export const DEFAULTS = {
  /** A function's limits unless its catalogue entry sets them. */
  timeoutSeconds: 10,
  memoryMb: 512,
  /** Mails per second per mail-sending function: under SES's usual starting quota of 14 for the account as a whole. */
  mailRatePerSecond: 10,
  /** First wait before a failed mail is tried again; doubles per attempt. */
  mailRetryBaseSeconds: 30,
} as const;
