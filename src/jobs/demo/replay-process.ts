import { recordAuditorFollowUp } from '../../application/coordinator/auditor-follow-up';
import { performTransition } from '../../application/coordinator/review';
import { logPanelAction } from '../../application/panel/panel-actions';
import { issuePaper } from '../../application/panel/issue-paper';
import { loadPaperData, paperForMeeting } from '../../application/panel/meeting-paper';
import { closeMeetingDecisions, recordClosureDecision } from '../../application/panel/panel-decisions';
import type { DocumentFiles, EvidenceStore, RecommendationStore } from '../../application/ports';
import type { Actor } from '../../application/shared/actor';
import { effectiveStatus, organisationToday, type Meeting, type Status } from '../../domain';
import type { DemoEvent } from './demo-process';

/**
 * Does a step unless it is already done, and counts it done when a retry finds it was: a lost answer under
 * faults, or a second run of the seed, never repeats a decision.
 */
async function once(done: () => Promise<boolean>, step: () => Promise<unknown>): Promise<void> {
  if (await done()) return;
  try {
    await step();
  } catch (error) {
    if (!(await done())) throw error;
  }
}

/** Replays the demo's process events through the application code, as the coordinator records each, at its time. */
export async function replayProcess(
  store: RecommendationStore,
  evidence: EvidenceStore,
  documents: Pick<DocumentFiles, 'paperDocx'>,
  coordinator: Actor,
  events: readonly DemoEvent[],
  ids: { recommendation: (ref: string) => string; meeting: (index: number) => Meeting | undefined },
  setClock: (at: Date | undefined) => Promise<void> | void,
): Promise<void> {
  const statusIs =
    (id: string, ...wanted: Status[]) =>
    async () => {
      const detail = await store.recommendationDetail(id);
      return wanted.includes(effectiveStatus(detail.recommendation.value, detail.updates));
    };
  for (const event of events) {
    const now = new Date(event.at);
    await setClock(now);
    if (event.kind === 'issuePaper' || event.kind === 'closeDecisions') {
      const data = await loadPaperData(store, organisationToday(now));
      const meeting = data.meetings.find((m) => m.id === ids.meeting(event.meeting)?.id);
      if (!meeting) continue;
      if (event.kind === 'issuePaper' && !meeting.issued) {
        const paper = paperForMeeting(data, meeting.id);
        await issuePaper(store, evidence, paper, new Uint8Array(await (await documents.paperDocx(paper)).arrayBuffer()), coordinator, now);
      }
      if (event.kind === 'closeDecisions' && !meeting.issued?.closed) await closeMeetingDecisions(store, meeting, coordinator, now);
      continue;
    }
    if (event.kind === 'action') {
      const raisedAt = ids.meeting(event.meeting)?.id ?? '';
      await logPanelAction(store, { text: event.text, who: event.who, dueAt: ids.meeting(event.dueMeeting)?.id }, raisedAt, coordinator, event.key);
      continue;
    }
    const id = ids.recommendation(event.recommendationRef);
    const meetingId = 'meeting' in event ? (ids.meeting(event.meeting)?.id ?? '') : '';
    switch (event.kind) {
      case 'accept':
        await once(statusIs(id, 'acceptedForPanel'), async () =>
          performTransition(store, await store.recommendationDetail(id), 'acceptForPanel', coordinator, now, { evidence }),
        );
        break;
      case 'panelAgree':
        await once(statusIs(id, 'closed'), () => recordClosureDecision(store, id, { kind: 'agree' }, { actor: coordinator, now, meetingId }));
        break;
      case 'panelNotAccept':
        await once(statusIs(id, 'returnedToOwner'), () =>
          recordClosureDecision(store, id, { kind: 'notAccept', reason: event.reason }, { actor: coordinator, now, meetingId }),
        );
        break;
      case 'followUp':
        await once(statusIs(id, 'proposedClosed'), async () =>
          recordAuditorFollowUp(store, await store.recommendationDetail(id), event.followUp, coordinator, now, { putForward: { cycle: event.cycle } }),
        );
        break;
    }
  }
  await setClock(undefined);
}
