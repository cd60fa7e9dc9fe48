import type { Meeting, Recommendation } from '../../domain';
import type { Versioned } from './versioned';

/** What every failure the ports name shares: a message meant for the person using the tracker. */
export abstract class TrackerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Someone else changed the record since it was read: both versions, so nothing is silently overwritten. */
export class ConflictError<T> extends TrackerError {
  constructor(
    readonly mine: T,
    readonly theirs: Versioned<T>,
  ) {
    super('Someone else changed this record since you opened it');
  }
}

/** A new recommendation's reference is one its audit already has: the existing item, to open instead. */
export class DuplicateReferenceError extends TrackerError {
  constructor(readonly existing: Versioned<Recommendation>) {
    super(`This audit already has recommendation ${existing.value.reference} "${existing.value.title}"`);
  }
}

/** The store refused the operation for this user. */
export class ForbiddenError extends TrackerError {
  constructor(message = 'You do not have permission to do this') {
    super(message);
  }
}

/** Data from the store did not match what we expect: never used half-read. */
export class InvalidRecordError extends TrackerError {
  constructor(
    readonly record: string,
    readonly problems: string[],
  ) {
    super(`${record} is not valid: ${problems.join('; ')}`);
  }
}

/** The record asked for is not in the store (or not visible to this user). */
export class NotFoundError extends TrackerError {}

/** No meeting has the id or date asked for: the ones there are, to choose from. */
export class MeetingNotFoundError extends NotFoundError {
  constructor(reference: string, known: Meeting[]) {
    super(`No meeting '${reference}'. Known meetings: ${known.map((m) => `${m.id} (${m.date})`).join(', ') || 'none'}`);
  }
}
