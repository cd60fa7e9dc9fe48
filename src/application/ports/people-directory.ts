import type { Person } from '../../domain';

/** The organisation's people, for choosing owners. */
export interface PeopleDirectory {
  people(): Promise<Person[]>;
}
