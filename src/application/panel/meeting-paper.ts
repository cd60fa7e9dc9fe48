import { compilePanelPaper, standingDecisions, currentTarget, updateAttribution, type PanelPaper, type SummaryRow } from '../../domain';
import { buildRegister } from '../coordinator/register-view';
import { paperFigures } from '../coordinator/programme-dashboard';
import { MeetingNotFoundError, type PaperData, type RecommendationStore } from '../ports';
import { loadPaperData } from '../shared/paper-data';

export { loadPaperData };

/** Finds the meeting by id or date in data already read and compiles its paper. */
export function paperForMeeting(data: PaperData, meetingReference: string): PanelPaper {
  const meetings = [...data.meetings].sort((a, b) => a.date.localeCompare(b.date));
  const meeting = meetings.find((m) => m.id === meetingReference || m.date === meetingReference);
  if (!meeting) throw new MeetingNotFoundError(meetingReference, meetings);
  const previous = meetings.filter((m) => m.date < meeting.date).at(-1);
  // A trail entry made against a meeting is the panel's decision on the item, unless it was undone.
  const panelDecisions = standingDecisions(data.decisions).filter((d) => d.meetingId !== undefined);
  const paper = compilePanelPaper({ ...data, meeting, previousMeetingDate: previous?.date, panelDecisions });
  // The dashboard's figures on the first page, as they stood on the meeting's day, when the coordinator asks for them.
  return meeting.paperSettings?.programmeFigures ? { ...paper, programme: paperFigures(buildRegister(data, meeting.date), meeting.date) } : paper;
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
    exceededTargets: paper.exceededTargets.map(({ auditHeading, reference, title, originalTarget, currentTarget, context }) => ({
      auditHeading,
      reference,
      title,
      originalTarget,
      currentTarget,
      context,
    })),
    withdrawn: [...paper.withdrawals, ...paper.withdrawnSinceLastMeeting].map(({ auditTitle, reference, title, withdrawal, reason }) => ({
      auditTitle,
      reference,
      title,
      withdrawal,
      reason,
    })),
    actions: paper.actions.map(({ action, raisedAt, dueAt, dueNow }) => ({
      text: action.text,
      who: action.who,
      raisedAt: raisedAt?.date,
      dueAt: dueAt?.date,
      dueNow,
    })),
    appendix: paper.appendix.map((group) => ({
      heading: group.heading,
      items: group.items.map(({ recommendation: r, history, proposedClosed, repeatOf }) => ({
        reference: r.reference,
        title: r.title,
        priority: r.priority,
        owners: r.owners.map((o) => o.name),
        targets: {
          original: r.targets.original.text,
          revisions: r.targets.revisions.map((v) => ({ target: v.target.text, reason: v.reason })),
          current: currentTarget(r.targets).text,
        },
        parts: r.subParts.map((p) => ({ label: p.label, owners: p.owners.map((o) => o.name), target: p.target.text, status: p.status })),
        repeatOf,
        proposedClosed,
        updates: history.map(({ update: u, collectiveReferral }) => ({
          cycle: u.cycle,
          kind: u.kind,
          by: updateAttribution(u),
          ...(collectiveReferral
            ? { referral: collectiveReferral }
            : { note: u.note, achieved: u.achieved, remaining: u.remaining, proposesClosure: u.proposesClosure }),
        })),
      })),
    })),
  };
}
