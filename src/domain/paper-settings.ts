import { z } from 'zod';

/** How much of each item's history Appendix A prints: all of it (the reference's practice), or since the panel last decided on it. */
export const appendixHistories = ['full', 'sinceDecision'] as const;
export type AppendixHistory = (typeof appendixHistories)[number];

/**
 * What the coordinator decides about one meeting's paper, kept with the meeting so that the paper compiles the
 * same way each time: how much history to print, and her own words for §6's context where she overrides it.
 */
export const paperSettingsSchema = z.object({
  appendixHistory: z.enum(appendixHistories).default('full'),
  /** §6's context for an item, in the coordinator's words, by recommendation id. */
  contextOverrides: z.record(z.string(), z.string().trim().min(1).max(2000)).default({}),
  /** A protective marking printed in the header and footer ("OFFICIAL"), when the organisation uses one. */
  protectiveMarking: z.string().trim().max(60).optional(),
  /** The programme's figures (the coordinator's dashboard) on the first page. */
  programmeFigures: z.boolean().default(false),
});
export type PaperSettings = z.infer<typeof paperSettingsSchema>;

export const defaultPaperSettings: PaperSettings = { appendixHistory: 'full', contextOverrides: {}, programmeFigures: false };

/** The programme's figures as the paper prints them: the dashboard's, as counts. */
export interface PaperFigures {
  openByPriority: { priority: string; overdue: number; notYetDue: number; implemented: number; open: number }[];
  overdueByAudit: { audit: string; count: number }[];
  onTimeTrend: { cycle: string; date: string; due: number; onTime: number }[];
  revisions: { revisions: string; count: number }[];
  updates: { cycle?: string; due: number; received: number };
}
