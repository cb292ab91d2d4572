/**
 * What the console's pages are served with, locally by `npm start` and on AWS by CloudFront:
 * a strict Content Security Policy (no inline script, nothing from another origin but the
 * sign-in's token endpoint) and the usual hardening headers.
 *
 * `signInOrigin`: where the browser exchanges its sign-in code for tokens. Locally that is the
 * gateway itself ('self'); on AWS it is the Cognito managed-login domain, another origin.
 */
export function consoleCsp(signInOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    `connect-src 'self'${signInOrigin ? ` ${signInOrigin}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
