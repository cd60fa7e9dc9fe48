import { GraphError } from '@microsoft/microsoft-graph-client';
import { ForbiddenError, NotFoundError } from '../../../application/ports';

/** The item's eTag has changed since it was read (If-Match failed). */
export class PreconditionFailedError extends Error {
  constructor(readonly itemId: string) {
    super(`Item ${itemId} changed since it was read`);
    this.name = 'PreconditionFailedError';
  }
}

/** A unique column already holds the value: the record exists (a retry, or someone else's create). */
export class UniqueValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UniqueValueError';
  }
}

/** Graph's answer as the error the application understands. */
export function translate(error: unknown, what: string): unknown {
  if (!(error instanceof GraphError)) return error;
  if (error.statusCode === 403) return new ForbiddenError(error.message || undefined);
  if (error.statusCode === 404) return new NotFoundError(`${what} was not found`);
  if (error.statusCode === 409) return new UniqueValueError(error.message);
  return error;
}
