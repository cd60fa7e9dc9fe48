import { z } from 'zod';

/** Normalised assurance levels, strongest first. Wording changed in 2024 (ASSURANCE -> OPINION); both map here. */
export const assuranceLevels = ['Substantial', 'Satisfactory', 'Moderate', 'Limited', 'No'] as const;
export const assuranceLevelSchema = z.enum(assuranceLevels);
export type AssuranceLevel = z.infer<typeof assuranceLevelSchema>;

export const opinionSchema = z.object({
  asWritten: z.string().trim(),
  level: assuranceLevelSchema.optional(),
});
export type Opinion = z.infer<typeof opinionSchema>;

const levelWords: ReadonlyArray<[RegExp, AssuranceLevel]> = [
  [/\bsubstantial\b/, 'Substantial'],
  [/\bsatisfactory\b/, 'Satisfactory'],
  [/\b(moderate|reasonable)\b/, 'Moderate'],
  [/\blimited\b/, 'Limited'],
  [/\b(no|unsatisfactory|nil)\b/, 'No'],
];

/** Keeps the wording as written and adds the normalised level; level is undefined when the words are unknown. */
export function parseOpinion(asWritten: string): Opinion {
  const text = asWritten.toLowerCase();
  const level = levelWords.find(([pattern]) => pattern.test(text))?.[1];
  return { asWritten: asWritten.trim(), level };
}
