import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (see `ALIASES` in
 * ../bundling.ts). The default chain tries environment, SSO, INI profiles, credential
 * processes, web-identity tokens and container/instance metadata; the SSO, STS and sign-in
 * clients it carries for that are 120 to 140 KB of every bundle. Lambda always hands a
 * function its role's credentials as AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN, the first link of that chain, so only that link is kept. Anything that
 * runs these bundles without those variables fails on its first request with the SDK's
 * "Unable to find environment variable credentials" instead of trying the other sources.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
