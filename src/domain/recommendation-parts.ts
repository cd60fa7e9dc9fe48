import { z } from 'zod';
import { isoDateSchema } from './calendar';
import { personSchema, sameEmail } from './people';
import { targetDateSchema } from './target-date';

/** A part is open until the audit team marks it done; the item goes to the panel only when every part is done. */
export const partStatuses = ['open', 'done'] as const;
export type PartStatus = (typeof partStatuses)[number];
export const partStatusLabel: Record<PartStatus, string> = { open: 'Open', done: 'Done' };

/** Part owners are indexed columns (PartOwner1-4), so a part owner's "my recommendations" stays one query. */
export const maxPartOwners = 4;

/** A part (a, b, ...) of a recommendation, with its own text, owner, target and status (reference lines 1559-1570). */
export const subPartSchema = z.object({
  label: z.string().trim().min(1, 'Give the part a label, e.g. a'),
  text: z.string(),
  owners: z.array(personSchema).min(1, 'Give the part an owner'),
  target: targetDateSchema,
  // Parts stored before parts had a status were open.
  status: z.enum(partStatuses).default('open'),
  doneOn: isoDateSchema.optional(),
});
export type SubPart = z.infer<typeof subPartSchema>;

type WithParts = { subParts: readonly SubPart[] };

/** The parts still open: what stops the item going to the panel. */
export const openParts = (recommendation: WithParts): SubPart[] => recommendation.subParts.filter((p) => p.status !== 'done');

/** "1 of 2 parts done", for the register; undefined for an item without parts. */
export function partProgress(recommendation: WithParts): { done: number; total: number; label: string } | undefined {
  const total = recommendation.subParts.length;
  if (total === 0) return undefined;
  const done = total - openParts(recommendation).length;
  return { done, total, label: `${done} of ${total} parts done` };
}

/** The labels of the parts this person owns. */
export const partsOwnedBy = (recommendation: WithParts, email: string): string[] =>
  recommendation.subParts.filter((p) => p.owners.some((o) => sameEmail(o.email, email))).map((p) => p.label);

/** Everyone who owns a part, once each, lower case: the values of the indexed part-owner columns. */
export const partOwnerEmails = (recommendation: { subParts: readonly Pick<SubPart, 'owners'>[] }): string[] => [
  ...new Set(recommendation.subParts.flatMap((p) => p.owners.map((o) => o.email.trim().toLowerCase()))),
];

/** Why the parts cannot be stored, or undefined: labels must be distinct, and part owners fit their columns. */
export function partsProblem(parts: readonly Pick<SubPart, 'label' | 'owners'>[]): string | undefined {
  const labels = parts.map((p) => p.label.trim().toLowerCase());
  const repeated = labels.find((l, i) => labels.indexOf(l) !== i);
  if (repeated) return `Two parts are labelled ${repeated}: give each part its own label`;
  if (partOwnerEmails({ subParts: parts }).length > maxPartOwners) return `At most ${maxPartOwners} different people can own parts`;
  return undefined;
}

/** "Part b is still open" / "Parts a and b are still open": why the item cannot go forward yet. */
export function openPartsMessage(open: readonly Pick<SubPart, 'label'>[]): string {
  const labels = open.map((p) => p.label);
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels[0];
  return `${labels.length > 1 ? 'Parts' : 'Part'} ${list} ${labels.length > 1 ? 'are' : 'is'} still open: the item can go to the panel when every part is done`;
}

/** A part as its owners see it: done once the audit team marks it, proposed done once its owner says so. */
export function partState(part: Pick<SubPart, 'label' | 'status'>, updates: readonly { part?: string; proposesClosure: boolean }[]): string {
  if (part.status === 'open' && updates.some((u) => u.part === part.label && u.proposesClosure)) return 'Proposed done';
  return partStatusLabel[part.status];
}
