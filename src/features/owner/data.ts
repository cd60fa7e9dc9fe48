import { useCallback } from 'react';
import { loadMyRecommendations } from '../../application/owner/my-recommendations';
import { performTransition } from '../../application/coordinator/review';
import { endDelegation, nameDelegate } from '../../application/owner/delegates';
import { submitUpdate } from '../../application/owner/submit-update';
import type { UpdateDraft } from '../../application/owner/update-draft';
import type { RecommendationDetail } from '../../application/ports';
import { nameLookup, type Person } from '../../domain';
import { useSession } from '../shared/session-context';
import { useAsync } from '../shared/use-async';

/** The owner's recommendations, most urgent first, with what each needs this cycle. */
export function useMyRecommendations() {
  const { store, user, today } = useSession();
  return useAsync(useCallback(() => loadMyRecommendations(store, user.email, today), [store, user.email, today]));
}

/** One recommendation with its history, and a way to show the trail's people by name. */
export function useRecommendationDetail(id: string) {
  const { store, directory } = useSession();
  return useAsync(
    useCallback(async () => {
      // Names for the trail's actors; without the directory the trail still shows, by address.
      const [detail, people] = await Promise.all([store.recommendationDetail(id), directory.people().catch(() => [])]);
      return { detail, nameOf: nameLookup([...people, ...detail.updates.map((u) => u.author), ...detail.recommendation.value.owners]) };
    }, [store, directory, id]),
  );
}

/**
 * Sends an update for a cycle (checked, never twice: see submitUpdate): the owner's own, or the coordinator's on
 * the owner's behalf, which the coordinator may put straight to the panel.
 */
export function useSubmitUpdate() {
  const { store, user, evidence, targetReading } = useSession();
  return useCallback(
    async (draft: UpdateDraft, cycle: string, options: { toPanel?: boolean } = {}) => {
      const result = await submitUpdate(store, draft, user, cycle, new Date(), targetReading);
      if (result.kind === 'submitted' && options.toPanel && result.update.proposesClosure) {
        for (const update of [result.update, ...result.copies]) {
          await performTransition(store, await store.recommendationDetail(update.recommendationId), 'acceptForPanel', user, new Date(), { evidence });
        }
      }
      return result;
    },
    [store, user, evidence, targetReading],
  );
}

/** Names a delegate on an item the signed-in person owns (see nameDelegate). */
export function useNameDelegate() {
  const { store, directory, user } = useSession();
  return useCallback(
    (detail: RecommendationDetail, delegate: Person) => nameDelegate(store, directory, detail, delegate, user, new Date()),
    [store, directory, user],
  );
}

/** Ends a delegate's naming: an owner withdraws it, or the delegate steps down (see endDelegation). */
export function useEndDelegation() {
  const { store, user } = useSession();
  return useCallback((detail: RecommendationDetail, delegate: Person) => endDelegation(store, detail, delegate, user, new Date()), [store, user]);
}
