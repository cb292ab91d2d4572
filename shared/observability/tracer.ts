import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * X-Ray tracing of the function and of every SDK call made through a captured client. Outside
 * Lambda (tests, `npm start`) Powertools switches tracing off by itself.
 */
export const tracer = new Tracer();
