import { useCallback, useMemo } from 'react';
import { scheduleMeeting } from '../../application/coordinator/audits-and-meetings';
import { loadPaperData, paperForMeeting } from '../../application/panel/meeting-paper';
import { recordClosureDecision, recordExtensionDecision, recordWithdrawalDecision } from '../../application/panel/panel-decisions';
import { nextMeeting, type Meeting, type PanelPaper } from '../../domain';
import { useSession } from '../shared/session-context';
import { useAsync } from '../shared/use-async';

/** The meetings, newest first, and the chosen one's paper (the next meeting's when none is chosen). */
export function usePaper(meetingRef: string | undefined) {
  const { store, today } = useSession();
  return useAsync(
    useCallback(async () => {
      // One read serves both the list of meetings and the chosen meeting's paper.
      const data = await loadPaperData(store, today);
      const meetings = [...data.meetings].sort((a, b) => b.date.localeCompare(a.date));
      const chosen = meetingRef ?? nextMeeting(meetings, today)?.id ?? meetings[0]?.id;
      return { meetings, paper: chosen ? paperForMeeting(data, chosen) : undefined };
    }, [store, today, meetingRef]),
  );
}

/** What the coordinator records for the panel at its meeting, and the paper as a Word document. */
export function usePanelActions() {
  const session = useSession();
  return useMemo(() => {
    const at = (meetingId: string) => ({ actor: session.user, now: new Date(), meetingId });
    return {
      agreeClosure: (id: string, meetingId: string) => recordClosureDecision(session.store, id, { agreed: true }, at(meetingId)),
      notAcceptClosure: (id: string, reason: string, meetingId: string) => recordClosureDecision(session.store, id, { agreed: false, reason }, at(meetingId)),
      noteWithdrawal: (id: string, meetingId: string) => recordWithdrawalDecision(session.store, id, { noted: true }, at(meetingId)),
      rejectWithdrawal: (id: string, reason: string, meetingId: string) => recordWithdrawalDecision(session.store, id, { noted: false, reason }, at(meetingId)),
      decideExtension: (id: string, grant: boolean, meetingId: string) => recordExtensionDecision(session.store, id, grant, at(meetingId)),
      paperFile: (paper: PanelPaper) => session.documents.paperDocx(paper),
    };
  }, [session]);
}

/** Sets up a meeting (or replaces the one for its cycle), recorded in the trail. */
export function useScheduleMeeting() {
  const { store, user } = useSession();
  return useCallback((meeting: Omit<Meeting, 'id'>) => scheduleMeeting(store, meeting, user, new Date()), [store, user]);
}
