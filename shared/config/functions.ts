import { MAIL_SETTINGS, type SettingName } from './index';

/**
 * The settings each function of the catalogue (infra/catalogue.ts) reads, by its name: the
 * catalogue's settings column, kept here so a handler reads its own list without bundling the
 * catalogue's contracts. The stack puts exactly these in the function's environment, the local
 * runtime lets the function see only these, and the handler validates them at cold start.
 */
export const FUNCTION_SETTINGS = {
  'create-event': ['TABLE_NAME'],
  'list-events': ['TABLE_NAME'],
  'door-events': ['TABLE_NAME'],
  'get-event': ['TABLE_NAME'],
  'list-registrations': ['TABLE_NAME'],
  'needs-summary': ['TABLE_NAME'],
  'reach-report': ['TABLE_NAME'],
  'door-list': ['TABLE_NAME'],
  'get-public-event': ['TABLE_NAME'],
  register: ['TABLE_NAME', 'PUBLIC_BASE_URL'],
  'registration-form': ['TABLE_NAME'],
  'privacy-page': ['TABLE_NAME'],
  openapi: [],
  'update-event': ['TABLE_NAME'],
  'delete-event': ['TABLE_NAME'],
  'admin-cancel-registration': ['TABLE_NAME'],
  'list-reminders': ['TABLE_NAME', 'MAIL_RETRY_BASE_SECONDS'],
  'cancel-event': ['TABLE_NAME'],
  'check-in': ['TABLE_NAME'],
  'undo-check-in': ['TABLE_NAME'],
  'check-in-by-code': ['TABLE_NAME'],
  'request-certificates': ['TABLE_NAME', 'MAIL_RETRY_BASE_SECONDS'],
  'certificate-status': ['TABLE_NAME', 'MAIL_RETRY_BASE_SECONDS'],
  'send-message': ['TABLE_NAME'],
  'list-messages': ['TABLE_NAME'],
  'verify-certificate': ['TABLE_NAME'],
  'download-certificate': ['TABLE_NAME', 'PUBLIC_BASE_URL', 'MAIL_RETRY_BASE_SECONDS'],
  'list-failed-mail': ['TABLE_NAME', 'MAIL_RETRY_BASE_SECONDS'],
  'registration-status': ['TABLE_NAME'],
  'cancel-registration': ['TABLE_NAME', 'PUBLIC_BASE_URL'],
  'network-consent': ['TABLE_NAME', 'PUBLIC_BASE_URL'],
  'confirm-registration': ['TABLE_NAME', 'PUBLIC_BASE_URL'],
  'admin-confirm-registration': ['TABLE_NAME'],
  'correct-address': ['TABLE_NAME'],
  'download-my-data': ['TABLE_NAME'],
  'erase-registration': ['TABLE_NAME'],
  'admin-erase-registration': ['TABLE_NAME'],
  'release-lapsed-holds': ['TABLE_NAME'],
  'send-mail': MAIL_SETTINGS,
  'send-certificate': MAIL_SETTINGS,
  'table-changes': ['TABLE_NAME', 'EVENT_BUS_NAME'],
  'mail-feedback': ['TABLE_NAME'],
  'send-mailings': ['TABLE_NAME', 'MAIL_RETRY_BASE_SECONDS'],
  'retry-mail': MAIL_SETTINGS,
} as const satisfies Record<string, readonly SettingName[]>;

export type FunctionName = keyof typeof FUNCTION_SETTINGS;
