/**
 * Domain errors carry everything the HTTP layer needs to answer with RFC 9457 problem details:
 * a status, a stable `type` slug, a human title and detail. Anything that is not a DomainError
 * is, by definition, our fault and becomes an opaque 500.
 */
export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(errors: FieldError[], detail = 'Some fields are missing or not valid.') {
    super(400, 'validation-failed', 'Your request has invalid fields', detail, errors);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super(404, 'not-found', 'Not found', `${what} does not exist.`);
  }
}

export class AlreadyRegistered extends DomainError {
  constructor() {
    super(409, 'already-registered', 'Already registered', 'This email address is already registered for this event.');
  }
}

export class RegistrationClosed extends DomainError {
  constructor(detail: string) {
    super(409, 'registration-closed', 'Registration is closed', detail);
  }
}

export class EventFull extends DomainError {
  constructor() {
    super(409, 'event-full', 'Event is full', 'All seats are taken and this event has no waitlist.');
  }
}

export class Conflict extends DomainError {
  constructor(type: string, title: string, detail: string) {
    super(409, type, title, detail);
  }
}

/** Answered 503 with Retry-After: nothing was written, and the same request will work shortly. */
export class TemporarilyUnavailable extends DomainError {
  constructor(detail: string) {
    super(503, 'temporarily-unavailable', 'Busy right now', detail);
  }
}
