/** The ID-token claim that carries the organiser's organisation (a Cognito custom attribute no user can change). */
export const ORGANISATION_CLAIM = 'custom:organisationId';
/** The claim that carries the account's Cognito groups; an administrator sets them, never the user. */
export const GROUPS_CLAIM = 'cognito:groups';

/**
 * What an account may do. `organiser`: everything for their organisation. `door`: the door
 * list and checking people in and out, nothing else. A role is a Cognito group of that name.
 */
export const ROLES = ['organiser', 'door'] as const;
export type Role = (typeof ROLES)[number];

/** Who may use a door route. Every other organiser route is for organisers only. */
export const DOOR_ROLES: readonly Role[] = ['organiser', 'door'];

/**
 * The groups in a claim as API Gateway delivers it (`[door organiser]`), as a JSON array (a
 * token read directly) or comma-separated.
 */
export function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** The account's roles, strongest first; an account in no known group has none and may do nothing. */
export const rolesOf = (claim: unknown): Role[] => ROLES.filter((role) => groupsOf(claim).includes(role));
