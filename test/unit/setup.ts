// Handlers read their configuration at import, as on a cold start; unit tests give them their
// own, overriding whatever the integration stack (started in the same vitest run) exported.
Object.assign(process.env, {
  TABLE_NAME: 'unit-test-table',
  MAIL_FROM: 'Masterclass <no-reply@example.org>',
  PUBLIC_BASE_URL: 'https://events.example.org',
  MAIL_RATE_PER_SECOND: '1000',
  MAIL_RETRY_BASE_SECONDS: '1',
  MAIL_CONFIGURATION_SET: 'unit-test-mail',
  EVENT_BUS_NAME: 'unit-test-bus',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'unit',
  AWS_SECRET_ACCESS_KEY: 'unit',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_NAMESPACE: 'EventRegistration/unit',
  POWERTOOLS_METRICS_DISABLED: 'true',
});
// Unit tests never reach a real endpoint; every client is mocked.
delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
delete process.env.AWS_ENDPOINT_URL_SES;
delete process.env.AWS_ENDPOINT_URL_SESV2;
delete process.env.AWS_ENDPOINT_URL_EVENTBRIDGE;
