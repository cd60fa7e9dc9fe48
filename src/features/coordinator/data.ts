import { useCallback, useMemo } from 'react';
import { recordAudit } from '../../application/coordinator/audits-and-meetings';
import { applyImport, previewImport, type DirectoryChoices, type ImportPreview } from '../../application/coordinator/import-register';
import { recordAuditorFollowUp } from '../../application/coordinator/auditor-follow-up';
import { loadRegisterView, type RegisterView } from '../../application/coordinator/register-view';
import type { MissingUpdate } from '../../application/coordinator/missing-updates';
import { chaseOwners } from '../../application/reminders/chase-owners';
import {
  correctOriginalTarget,
  createRecommendation,
  decideTargetRequest,
  editRecommendation,
  performTransition,
  recordNoteOnBehalf,
  recordTargetRevision,
} from '../../application/coordinator/review';
import type { PaperData, RecommendationDetail, TeamChannel, Versioned } from '../../application/ports';
import { runReminders } from '../../application/reminders/reminders';
import type { ReminderDelivery } from '../../application/ports';
import {
  newOwners,
  nextMeeting,
  type Audit,
  type AuditorFollowUp,
  type OwnerUpdate,
  type Recommendation,
  type RevisionApprover,
  type TargetDate,
  type TransitionName,
} from '../../domain';
import { useSession } from '../shared/session-context';
import { installAppFor } from '../../application/reminders/app-for-owners';
import { tellOwnersOf } from '../../application/reminders/feed-delivery';
import { useAsync } from '../shared/use-async';

/** The register as the coordinator's screens show it: rows with their progress, the next meeting, the data. */
export function useRegisterView() {
  const { store, today } = useSession();
  return useAsync(useCallback(() => loadRegisterView(store, today), [store, today]));
}

/** The organisation's directory, for checking who has left. */
export function useDirectory() {
  const { directory } = useSession();
  return useAsync(useCallback(() => directory.people(), [directory]));
}

/** The register and the directory, for the Audits page and the editor's owner and repeat choices. */
export function useRegisterAndPeople() {
  const { store, directory } = useSession();
  return useAsync(
    useCallback(async () => {
      const [register, people] = await Promise.all([store.loadRegister(), directory.people()]);
      return { register, people };
    }, [store, directory]),
  );
}

/** The coordinators' channel and its recent messages (none outside a channel). */
export function useChannel() {
  const session = useSession();
  return useAsync(
    useCallback(async () => {
      const channel = await session.channel();
      return { channel, messages: channel ? await channel.recent() : [] };
    }, [session]),
  );
}

/** What the coordinator does, each through its use-case with the signed-in coordinator as the actor. */
export function useCoordinatorActions() {
  const session = useSession();
  return useMemo(() => {
    const { store, user, documents, evidence } = session;
    const detail = (id: string): Promise<RecommendationDetail> => store.recommendationDetail(id);
    // A run from the tab: by the coordinator's chosen route, with each owner's own choice honoured.
    const reminderRun = (channel: TeamChannel, delivery: ReminderDelivery, dryRun: boolean) =>
      runReminders({
        store,
        log: session.reminderLog,
        notifier: channel.notifier,
        now: new Date(),
        links: session.links,
        dryRun,
        delivery,
        feed: session.feed,
        preferences: session.reminderPreferences,
      });
    return {
      recordAudit: (audit: Omit<Audit, 'id'>) => recordAudit(store, audit, user, new Date()),
      // Owners get the app in Teams as they are assigned, so the first reminder reaches their feed.
      createRecommendation: async (recommendation: Omit<Recommendation, 'id'>) => {
        const created = await createRecommendation(store, recommendation, user, new Date());
        return { created, ...(await installAppFor(session.feed?.activities, newOwners(undefined, created.value))) };
      },
      editRecommendation: async (current: Versioned<Recommendation>, edited: Recommendation) => {
        const saved = await editRecommendation(store, current, edited, user, new Date());
        return { saved, ...(await installAppFor(session.feed?.activities, newOwners(current.value, saved.value))) };
      },
      /** A lifecycle step on the item as it is now (read again, so a stale screen meets the eTag check). */
      transition: async (id: string, transition: TransitionName, reason?: string) =>
        performTransition(store, await detail(id), transition, user, new Date(), { reason, evidence }),
      /** Sends a proposal back, and tells its owners in their Teams feed what is missing. */
      returnToOwner: async (id: string, reason: string) => {
        await performTransition(store, await detail(id), 'returnToOwner', user, new Date(), { reason, evidence });
        return tellOwnersOf(session.feed, store, id, {
          activityType: 'returnedToYou',
          key: `returned:${id}:${Date.now()}`,
          previewText: `What is missing: ${reason}`,
        });
      },
      approveTarget: async (id: string, request: OwnerUpdate) =>
        decideTargetRequest(store, await store.getRecommendation(id), request, { by: 'coordinator', grant: true }, user, new Date()),
      refuseTarget: async (id: string, request: OwnerUpdate, reason: string) =>
        decideTargetRequest(store, await store.getRecommendation(id), request, { by: 'coordinator', grant: false, reason }, user, new Date()),
      reviseTarget: async (id: string, revision: { target: TargetDate; reason: string; approvedBy: RevisionApprover }) =>
        recordTargetRevision(store, await store.getRecommendation(id), revision, user, new Date()),
      correctOriginal: async (id: string, corrected: TargetDate, reason: string) =>
        correctOriginalTarget(store, await store.getRecommendation(id), corrected, reason, user, new Date()),
      recordFollowUp: async (opened: RecommendationDetail, followUp: AuditorFollowUp, putForward: boolean) => {
        // Read again: the verdict's effect depends on the item as it is now, and a stale one meets the eTag check.
        const current = await detail(opened.recommendation.value.id);
        const cycle = nextMeeting(current.meetings, session.today)?.cycle;
        return recordAuditorFollowUp(store, current, followUp, user, new Date(), { putForward: putForward && cycle ? { cycle } : undefined });
      },
      recordNote: (recommendation: Pick<Recommendation, 'id' | 'owners'>, note: string, cycle: string) =>
        recordNoteOnBehalf(store, recommendation, note, cycle, user, crypto.randomUUID(), new Date()),
      previewImport: async (file: File) => {
        const table = await documents.readRegister(file.name, new Uint8Array(await file.arrayBuffer()));
        return previewImport(store, table.rows, session.today, { ...table, fileName: file.name, reading: session.targetReading, directory: session.directory });
      },
      applyImport: async (preview: ImportPreview, confirmed: ReadonlySet<number>, chosen: DirectoryChoices, onProgress: (done: number) => void) => {
        const result = await applyImport(store, preview, user, new Date(), onProgress, confirmed, chosen);
        return { ...result, ...(await installAppFor(session.feed?.activities, result.assigned)) };
      },
      registerFile: (data: PaperData) => documents.registerXlsx(data),
      templateFile: () => documents.templateXlsx(),
      /** Reminders posted to the channel the page has already read. */
      sendReminders: (channel: TeamChannel, delivery: ReminderDelivery) => reminderRun(channel, delivery, false),
      /** "Remind these owners": the chosen missing updates' owners, reminded now in the coordinators' channel. */
      chaseOwners: async (missing: MissingUpdate[], view: RegisterView) => {
        const channel = await session.channel();
        if (!channel) throw new Error("Open this tab in the coordinators' channel to remind owners there");
        return chaseOwners({
          missing,
          audits: view.data.audits,
          cycle: view.meeting?.cycle ?? 'unscheduled',
          deadline: view.meeting?.updateDeadline ?? session.today,
          today: session.today,
          now: new Date(),
          log: session.reminderLog,
          notifier: channel.notifier,
          links: session.links,
        });
      },
      /** What "Send reminders now" would post, without posting it. */
      previewReminders: (channel: TeamChannel, delivery: ReminderDelivery) => reminderRun(channel, delivery, true),
    };
  }, [session]);
}
