import { useCallback, useMemo } from 'react';
import { scheduleMeeting } from '../../application/coordinator/audits-and-meetings';
import { loadPaperData, paperForMeeting } from '../../application/panel/meeting-paper';
import {
  closeMeetingDecisions,
  recordClosureDecision,
  recordExtensionDecision,
  recordWithdrawalDecision,
  undoPanelDecision,
  type ClosureResolution,
} from '../../application/panel/panel-decisions';
import { setPaperContext } from '../../application/panel/paper-context';
import { issuePaper, issuedPaperBytes } from '../../application/panel/issue-paper';
import { completePanelAction, decisionList, logPanelAction, type NewPanelAction } from '../../application/panel/panel-actions';
import type { PaperData } from '../../application/ports';
import { nextMeeting, type Meeting, type PanelPaper } from '../../domain';
import { useSession } from '../shared/session-context';
import { tellOwnersOf } from '../../application/reminders/feed-delivery';
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
      return { data, meetings, paper: chosen ? paperForMeeting(data, chosen) : undefined };
    }, [store, today, meetingRef]),
  );
}

const closureWords: Record<ClosureResolution['kind'], string> = {
  agree: 'The panel agreed the closure',
  agreeSubjectTo: 'The panel agreed the closure, subject to a condition',
  notAccept: 'The panel did not accept the closure',
  note: 'The panel noted the item; it comes back to the next meeting',
};

/** What the coordinator records for the panel at its meeting, and the paper as a Word document. */
export function usePanelActions() {
  const session = useSession();
  return useMemo(() => {
    const at = (meetingId: string) => ({ actor: session.user, now: new Date(), meetingId });
    // The owners hear of the panel's decision in their Teams feed as it is recorded (when the tab has the app).
    const decided = async (id: string, work: Promise<unknown>, what: string) => {
      await work;
      return tellOwnersOf(session.feed, session.store, id, { activityType: 'panelDecided', key: `decided:${id}:${Date.now()}`, previewText: what });
    };
    return {
      resolveClosure: (id: string, resolution: ClosureResolution, meetingId: string) =>
        decided(id, recordClosureDecision(session.store, id, resolution, at(meetingId)), closureWords[resolution.kind]),
      noteWithdrawal: (id: string, meetingId: string) =>
        decided(id, recordWithdrawalDecision(session.store, id, { noted: true }, at(meetingId)), 'The panel noted the withdrawal'),
      rejectWithdrawal: (id: string, reason: string, meetingId: string) =>
        decided(id, recordWithdrawalDecision(session.store, id, { noted: false, reason }, at(meetingId)), `The panel did not accept the withdrawal: ${reason}`),
      decideExtension: (id: string, grant: boolean, meetingId: string) =>
        decided(
          id,
          recordExtensionDecision(session.store, id, grant, at(meetingId)),
          grant ? 'The panel granted the new target' : 'The panel refused the new target',
        ),
      undoDecision: (id: string, decisionKey: string) => undoPanelDecision(session.store, id, decisionKey, { actor: session.user, now: new Date() }),
      closeDecisions: (meeting: Meeting) => closeMeetingDecisions(session.store, meeting, session.user, new Date()),
      paperFile: (paper: PanelPaper) => session.documents.paperDocx(paper),
      decisionListFile: (data: PaperData, meetingId: string) => session.documents.decisionListDocx(decisionList(data, meetingId)),
      issue: async (paper: PanelPaper) => {
        const bytes = new Uint8Array(await (await session.documents.paperDocx(paper)).arrayBuffer());
        return issuePaper(session.store, session.evidence, paper, bytes, session.user, new Date());
      },
      issuedFile: async (meeting: Meeting) =>
        new Blob([new Uint8Array(await issuedPaperBytes(session.evidence, meeting))], {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
      setContext: (meeting: Meeting, id: string, text: string) => setPaperContext(session.store, meeting, id, text, session.user, new Date()),
      logAction: (action: NewPanelAction, meetingId: string, key: string) => logPanelAction(session.store, action, meetingId, session.user, key),
      completeAction: async (id: string, note: string) => {
        // Read again, so a stale screen meets the eTag check rather than overwriting.
        const current = (await loadPaperData(session.store, session.today)).panelActions.find((a) => a.value.id === id);
        if (!current) throw new Error('The action is no longer there');
        return completePanelAction(session.store, current, note, session.user);
      },
    };
  }, [session]);
}

/** Sets up a meeting (or replaces the one for its cycle), recorded in the trail. */
export function useScheduleMeeting() {
  const { store, user } = useSession();
  return useCallback((meeting: Omit<Meeting, 'id'>) => scheduleMeeting(store, meeting, user, new Date()), [store, user]);
}
