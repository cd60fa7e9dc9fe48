import { z } from 'zod';

/** People are stored as an (indexed) email plus a display name: person columns need tenant-specific ids. */
export const personSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'Enter a valid email address' })),
  name: z.string().trim().min(1, 'A name is required'),
});
export type Person = z.infer<typeof personSchema>;

export const roles = ['coordinator', 'owner', 'panel'] as const;
export type Role = (typeof roles)[number];

export const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A person's name by address, from the people known; an address nobody is known by shows as itself. */
export function nameLookup(people: readonly Person[]): (email: string) => string {
  const names = new Map(people.map((p) => [p.email.trim().toLowerCase(), p.name]));
  return (email) => names.get(email.trim().toLowerCase()) ?? email;
}

/** A recommendation has at most three owners; sub-parts carry their own. */
export const maxOwners = 3;

/** Whether a person matches what was typed: each word starts a word of the name ("D/Supt" is two), or is in the address. */
export function matchesPerson(person: Person, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const nameWords = person.name.toLowerCase().split(/[\s/.-]+/);
  return words.every((w) => nameWords.some((n) => n.startsWith(w)) || person.email.toLowerCase().includes(w));
}

/** The people not among the others, by address: owners an edit adds or removes. */
export const notAmong = (people: readonly Person[], others: readonly Person[]): Person[] =>
  people.filter((person) => !others.some((known) => sameEmail(known.email, person.email)));

/** The people on an item who are no longer in the organisation's directory (leavers): the item needs reassigning. */
export const notInDirectory: (people: readonly Person[], directory: readonly Person[]) => Person[] = notAmong;
