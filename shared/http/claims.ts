/** The ID-token claim that carries the organiser's organisation (a Cognito custom attribute). */
export const ORGANISATION_CLAIM = 'custom:organisationId';
