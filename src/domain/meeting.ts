import { z } from 'zod';
import type { IsoDate } from './calendar';
import { paperBoilerplateSchema } from './paper-boilerplate';
import { paperSettingsSchema } from './paper-settings';
import { decisionsClosedSchema, decisionSubjectsSchema } from './panel-decision-record';
import { personSchema } from './people';

/** The paper as issued to the panel: frozen in the document library, and the hash that proves a reprint is it. */
export const issuedPaperSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  by: personSchema,
  name: z.string().min(1),
  driveItemId: z.string().min(1),
  url: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** What the issued paper put to the panel: only these are decided against it (absent on papers issued before). */
  subjects: decisionSubjectsSchema.optional(),
  /** Set when the coordinator closes the meeting's decisions: no more are recorded or undone. */
  closed: decisionsClosedSchema.optional(),
});
export type IssuedPaper = z.infer<typeof issuedPaperSchema>;

/**
 * A Teams meeting linked to a panel meeting, kept on the panel meeting: which meeting chat, who linked it (a
 * coordinator: only they may write meetings, and they run the side panel), and the item on the meeting's stage.
 */
export const teamsMeetingLinkSchema = z.object({
  chatId: z.string().min(1),
  linkedBy: personSchema,
  linkedAt: z.iso.datetime({ offset: true }),
  /** `move` counts each time the stage is set, so a stage sees a decision re-shown on the same item even within one clock tick. */
  onStage: z.object({ key: z.string().min(1), at: z.iso.datetime({ offset: true }), move: z.number().int().nonnegative() }).optional(),
});
export type TeamsMeetingLink = z.infer<typeof teamsMeetingLinkSchema>;

/** A panel meeting: its paper covers the cycle whose updates are due by the deadline. */
export const meetingSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().trim().min(1, 'A meeting needs a title'),
    date: z.iso.date({ message: 'Choose the date of the meeting' }),
    updateDeadline: z.iso.date({ message: 'Choose the date updates are due by' }),
    cycle: z.string().trim().min(1, 'Choose the date updates are due by: it names the cycle'),
    /** The paper's wording for this meeting; the organisation's default when absent. */
    boilerplate: paperBoilerplateSchema.optional(),
    /** How this meeting's paper is compiled; the defaults when absent. */
    paperSettings: paperSettingsSchema.optional(),
    /** Set once the coordinator issues the paper; the live preview goes on changing, the issued file does not. */
    issued: issuedPaperSchema.optional(),
    /** The Teams meeting the panel meets in, when the coordinator linked one. */
    teams: teamsMeetingLinkSchema.optional(),
  })
  .refine((m) => m.updateDeadline <= m.date, { message: 'The update deadline must be on or before the meeting', path: ['updateDeadline'] });
export type Meeting = z.infer<typeof meetingSchema>;

/** The next meeting on or after today: the one owners are updating for. */
export function nextMeeting(meetings: readonly Meeting[], today: IsoDate): Meeting | undefined {
  return [...meetings].filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
}

/** The panel meeting a Teams meeting (its chat) is linked to. */
export const meetingForChat = (meetings: readonly Meeting[], chatId: string): Meeting | undefined => meetings.find((m) => m.teams?.chatId === chatId);
