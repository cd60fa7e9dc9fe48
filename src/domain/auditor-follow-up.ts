import { z } from 'zod';
import { isoDateSchema } from './calendar';
import { isWorkable, type Status } from './lifecycle';

/** What an auditor's follow-up visit found: the verdicts the register records ("Implemented", lines 920-963). */
export const followUpVerdicts = ['implemented', 'partlyImplemented', 'notImplemented', 'notFitForPurpose'] as const;
export type FollowUpVerdict = (typeof followUpVerdicts)[number];

export const followUpVerdictLabel: Record<FollowUpVerdict, string> = {
  implemented: 'Implemented',
  partlyImplemented: 'Partly implemented',
  notImplemented: 'Not implemented',
  notFitForPurpose: 'Not fit for purpose',
};

export const auditorFollowUpSchema = z.object({
  auditor: z.string().trim().min(1, 'Name the auditor'),
  date: isoDateSchema,
  verdict: z.enum(followUpVerdicts),
  note: z.string().trim().max(10_000),
});
export type AuditorFollowUp = z.infer<typeof auditorFollowUpSchema>;

/** The follow-up as one line of the item's history, and of the evidence it can be. */
export const followUpSummary = (f: AuditorFollowUp): string => `${f.auditor}, ${f.date}: ${followUpVerdictLabel[f.verdict]}${f.note ? ` – ${f.note}` : ''}`;

/**
 * The same follow-up recorded twice (a retry, a second click) is one record: its key comes from what it says.
 * FNV-1a is enough here; the key only has to tell different follow-ups of one item apart.
 */
export function followUpKey(f: AuditorFollowUp): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify([f.auditor, f.note])) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return `${f.date}:${f.verdict}:${hash.toString(36)}`;
}

/**
 * What a follow-up does to the item. A closed item the auditor found not implemented (or not fit for purpose)
 * reopens, with the finding as its reason; an open one found implemented may be put forward for closure on that
 * evidence; anything else is recorded in the history and changes nothing.
 */
export function followUpEffect(status: Status, verdict: FollowUpVerdict): 'reopens' | 'mayPropose' | 'recorded' {
  if (status === 'closed' && (verdict === 'notImplemented' || verdict === 'notFitForPurpose')) return 'reopens';
  if (isWorkable(status) && verdict === 'implemented') return 'mayPropose';
  return 'recorded';
}
