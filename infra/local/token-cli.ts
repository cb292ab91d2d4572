import { parseArgs } from 'node:util';
import { ROLES } from '../../shared/http/claims';
import { projectRoot } from '../project-root';
import { describeIssues, emailSchema, organisationIdSchema, roleSchema } from './accounts';
import { defaultStateDir, issueOrganiserToken } from './auth';

const USAGE = `Usage: npm run -s token -- --org <organisationId> [--role ${ROLES.join('|')}] [--email someone@example.org] [--expires 12h]

Prints an ID token for the local API, as Cognito issues one after signing in.
--role defaults to organiser; --expires takes a number with s, m, h or d (default 12h).`;

function usageError(problem: string): never {
  console.error(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

let values: { org?: string; role?: string; email?: string; expires?: string };
try {
  ({ values } = parseArgs({ options: { org: { type: 'string' }, role: { type: 'string' }, email: { type: 'string' }, expires: { type: 'string' }, help: { type: 'boolean' } } }));
} catch (error) {
  usageError((error as Error).message);
}
if ((values as { help?: boolean }).help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.org === undefined) usageError('--org is required.');
const org = organisationIdSchema.safeParse(values.org);
if (!org.success) usageError(`--org ${describeIssues(org.error).join('; ')}.`);
const role = roleSchema.safeParse(values.role ?? 'organiser');
if (!role.success) usageError(`Unknown role "${values.role}"; use one of: ${ROLES.join(', ')}.`);
const email = values.email === undefined ? undefined : emailSchema.safeParse(values.email);
if (email && !email.success) usageError(`--email ${describeIssues(email.error).join('; ')}.`);
if (values.expires !== undefined && !/^\d+[smhd]$/.test(values.expires)) usageError('--expires must be a number with s, m, h or d, such as 30m or 12h.');

console.log(await issueOrganiserToken(defaultStateDir(projectRoot), org.data, { role: role.data, email: email?.data, expiresIn: values.expires }));
