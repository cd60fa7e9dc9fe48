import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { ForbiddenError, type PaperData } from '../../application/ports';
import { itemOnStage, linkTeamsMeeting, meetingInTeams, meetingsToLink, putOnStage } from '../../application/panel/teams-meeting';
import { nextMeeting, type AgendaItem, type AppendixItem, type Meeting, type PanelPaper, type TeamsMeetingLink } from '../../domain';
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

/** The panel meeting this Teams meeting holds, its paper and the walk through it. */
export function useMeetingInTeams(chatId: string) {
  const { store, today } = useSession();
  return useAsync(useCallback(() => meetingInTeams(store, today, chatId), [store, today, chatId]));
}

/** The panel meetings to link a Teams meeting to, and the one it holds: the configuration page's choice. */
export function useMeetingsToLink(chatId: string) {
  const { store } = useSession();
  return useAsync(useCallback(() => meetingsToLink(store, chatId), [store, chatId]));
}

/** Linking a Teams meeting to a panel meeting, and moving its stage. */
export function useTeamsMeetingActions() {
  const session = useSession();
  return useMemo(
    () => ({
      // Whoever adds the app to a meeting links it as the coordinator would; SharePoint refuses anyone else's write.
      link: (meetings: readonly Meeting[], meetingId: string, chatId: string) =>
        linkTeamsMeeting(session.store, meetings, meetingId, chatId, { ...session.user, role: 'coordinator' }, new Date()).catch((error: unknown) => {
          if (error instanceof ForbiddenError)
            throw new ForbiddenError(`Only the audit coordinator can link this meeting; SharePoint refused: ${error.message}`);
          throw error;
        }),
      putOnStage: (meeting: Meeting, key: string) => putOnStage(session.store, meeting, key, session.user, new Date()),
    }),
    [session],
  );
}

/** How often a stage (and a follower's side panel) asks which item the coordinator put on the stage. */
export const stagePollMs = 3000;

/**
 * The item on the meeting's stage as the coordinator moves it, asked every few seconds while the page is visible
 * (Teams gives a shared stage no push from the app). A failed ask keeps the last answer and tries again.
 */
export function useItemOnStage(chatId: string, initial: TeamsMeetingLink['onStage'], follow = true): TeamsMeetingLink['onStage'] {
  const { store } = useSession();
  const [onStage, setOnStage] = useState(initial);
  useEffect(() => {
    if (!follow) return;
    let live = true;
    const ask = (): void => {
      if (document.visibilityState !== 'visible') return;
      itemOnStage(store, chatId).then(
        (next) => live && setOnStage((current) => (current?.key === next?.key && current?.move === next?.move ? current : next)),
        () => undefined,
      );
    };
    const timer = setInterval(ask, stagePollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [store, chatId, follow]);
  return onStage;
}

/**
 * The agenda with each item's case kept once decided: a closed item leaves the live paper's appendix, but the
 * meeting still looks at what it just agreed.
 */
export function useAgendaWithCases(agenda: AgendaItem[]): AgendaItem[] {
  const cases = useRef(new Map<string, AppendixItem>());
  return useMemo(
    () =>
      agenda.map((item) => {
        if (item.kind === 'actions') return item;
        if (item.appendix) cases.current.set(item.key, item.appendix);
        return item.appendix ? item : { ...item, appendix: cases.current.get(item.key) };
      }),
    [agenda],
  );
}
