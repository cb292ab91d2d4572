import { parseArgs } from 'node:util';
import { defaultStateDir, issueOrganiserToken } from './auth';
import { projectRoot } from './runtime';

const { values } = parseArgs({ options: { org: { type: 'string' }, email: { type: 'string' }, expires: { type: 'string' } } });
if (!values.org) {
  console.error('Usage: npm run -s token -- --org <organisationId> [--email someone@example.org] [--expires 12h]');
  process.exit(2);
}
console.log(await issueOrganiserToken(defaultStateDir(projectRoot), values.org, { email: values.email, expiresIn: values.expires }));
