import { describe, expect, it } from 'vitest';
import { explainAwsError } from '../../../infra/ops/aws-hint';

describe('explainAwsError', () => {
  it('says what to set when the SDK has no region or no credentials', () => {
    expect(explainAwsError(new Error('Region is missing'))).toBe('Region is missing: set AWS_REGION (the stage\'s region, e.g. eu-west-1) or a profile with a region (AWS_PROFILE).');
    expect(explainAwsError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }))).toContain('sign in to the AWS account first');
  });

  it('passes every other message through', () => {
    expect(explainAwsError(new Error('Stack EventRegistration-prod-Data was not found'))).toBe('Stack EventRegistration-prod-Data was not found');
  });
});
