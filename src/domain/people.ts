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
