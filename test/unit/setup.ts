// Handlers read their configuration at import, as on a cold start; unit tests give them one.
process.env.TABLE_NAME ??= 'unit-test-table';
process.env.MAIL_FROM ??= 'Masterclass <no-reply@example.org>';
process.env.PUBLIC_BASE_URL ??= 'https://events.example.org';
process.env.AWS_REGION ??= 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID ??= 'unit';
process.env.AWS_SECRET_ACCESS_KEY ??= 'unit';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
