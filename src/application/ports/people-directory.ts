import type { Person } from '../../domain';

/** The organisation's people, for choosing owners. */
export interface PeopleDirectory {
  people(): Promise<Person[]>;
  /** The people whose display name has these words, as Graph's `$search` on displayName finds them. */
  findByName(name: string): Promise<Person[]>;
}
