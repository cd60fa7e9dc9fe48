import { z } from 'zod';

export const priorities = ['High', 'Medium', 'Low'] as const;
export const prioritySchema = z.enum(priorities, { message: 'Choose High, Medium or Low' });
export type Priority = z.infer<typeof prioritySchema>;

/** The report shows priority as RED/AMBER/GREEN. This is the priority's colour, not progress (see rag.ts). */
export const priorityColour: Record<Priority, 'RED' | 'AMBER' | 'GREEN'> = {
  High: 'RED',
  Medium: 'AMBER',
  Low: 'GREEN',
};

const priorityWords: ReadonlyArray<[RegExp, Priority]> = [
  [/^(high|h|red|1)$/, 'High'],
  [/^(medium|med|m|amber|2)$/, 'Medium'],
  [/^(low|l|green|3)$/, 'Low'],
];

/** Reads the words registers use ("Med", "HIGH PRIORITY", "Amber"); undefined when it is not a priority. */
export function parsePriority(text: string): Priority | undefined {
  const word = text
    .toLowerCase()
    .replace(/\b(priority|recommendation|risk)\b/g, '')
    .replace(/[^a-z0-9]/g, '');
  return priorityWords.find(([pattern]) => pattern.test(word))?.[1];
}

/** Sort key: High first. */
export const priorityRank = (priority: Priority): number => priorities.indexOf(priority);
