import { Logger } from '@aws-lambda-powertools/logger';

/** Service name (the function's own) and level come from POWERTOOLS_SERVICE_NAME / POWERTOOLS_LOG_LEVEL. */
export const logger = new Logger();
