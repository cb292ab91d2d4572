import { DomainError } from '../domain/errors';

/**
 * What only an HTTP request can get wrong: its body, its content type, its credentials. Answered
 * as problems like domain errors are, but no use case ever raises them.
 */
export class MalformedBody extends DomainError {
  constructor(detail = 'The request body could not be read as the declared content type.') {
    super(400, 'malformed-body', 'Malformed request body', detail);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(limitBytes: number) {
    super(413, 'payload-too-large', 'Request body too large', `The request body may be at most ${limitBytes} bytes.`);
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(accepted: readonly string[]) {
    super(415, 'unsupported-media-type', 'Unsupported content type', `Send the body as ${accepted.join(' or ')}.`);
  }
}

export class Unauthorized extends DomainError {
  constructor(detail = 'A valid organiser token is required.') {
    super(401, 'unauthorized', 'Not signed in', detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail = 'Your account may not do this.') {
    super(403, 'forbidden', 'Not allowed', detail);
  }
}
