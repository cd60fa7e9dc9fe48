import { addDays, compilePanelPaper, type PanelPaper, type SummaryRow } from '../../domain';
import { MeetingNotFoundError, type PaperData, type RecommendationStore } from '../ports';

/** Updates older than this cannot belong to the paper's cycle or its context. */
const updateWindowDays = 400;

/** Reads what papers are compiled from: one batch. */
export const loadPaperData = (store: RecommendationStore, today: string): Promise<PaperData> => store.paperData(addDays(today, -updateWindowDays));

/** Finds the meeting by id or date in data already read and compiles its paper. */
export function paperForMeeting(data: PaperData, meetingReference: string): PanelPaper {
  const meetings = [...data.meetings].sort((a, b) => a.date.localeCompare(b.date));
  const meeting = meetings.find((m) => m.id === meetingReference || m.date === meetingReference);
  if (!meeting) throw new MeetingNotFoundError(meetingReference, meetings);
  const previous = meetings.filter((m) => m.date < meeting.date).at(-1);
  return compilePanelPaper({ ...data, meeting, previousMeetingDate: previous?.date });
}

/** Finds the meeting by id or date and compiles its paper from the store's current data. */
export async function compileMeetingPaper(store: RecommendationStore, meetingReference: string, today: string): Promise<PanelPaper> {
  return paperForMeeting(await loadPaperData(store, today), meetingReference);
}

/**
 * The tables of the paper as plain data, for `npm run pack -- --json` and for checking the paper. They use the
 * paper's own words: what the tracker calls accepted for the panel, the paper calls proposed closed.
 */
export function paperTables(paper: PanelPaper) {
  const inPaperWords = <T extends Omit<SummaryRow, 'priority'>>({ acceptedForPanel, ...row }: T) => {
    const { totalReported, running, notAccepted, ...rest } = row;
    return { ...rest, totalReported, running, proposedClosed: acceptedForPanel, notAccepted };
  };
  return {
    summary: { rows: paper.summary.rows.map(inPaperWords), total: inPaperWords(paper.summary.total) },
    proposedClosed: paper.acceptedForPanel.map(({ auditTitle, priority, reference, title }) => ({ auditTitle, priority, reference, title })),
    exceededTargets: paper.exceededTargets.map(({ auditTitle, reference, title, originalTarget, currentTarget, context }) => ({
      auditTitle,
      reference,
      title,
      originalTarget,
      currentTarget,
      context,
    })),
  };
}
