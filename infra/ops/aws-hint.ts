/**
 * The AWS SDK's words for "no region" and "no credentials" say nothing about what to do; an
 * operator's command says it plainly instead.
 */
export function explainAwsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Region is missing/i.test(message)) return `${message}: set AWS_REGION (the stage's region, e.g. eu-west-1) or a profile with a region (AWS_PROFILE).`;
  if (/Could not load credentials|credentials? (are|is) missing|Unable to locate credentials/i.test(message)) {
    return `${message}: sign in to the AWS account first (AWS_PROFILE, aws sso login, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY).`;
  }
  return message;
}
