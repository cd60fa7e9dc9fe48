import { useCallback, useEffect, useState } from 'react';
import { draftKey, newDraft, type UpdateDraft } from '../../application/owner/update-draft';
import type { Versioned } from '../../application/ports';
import type { Recommendation } from '../../domain';
import { useSession } from '../shared/session-context';

const newKey = (): string => crypto.randomUUID();

/**
 * An owner's draft update, kept on this device as it is typed and restored on the next visit. It is saved after
 * each change has rendered (never from inside a state update), and only once the owner has typed something.
 */
export function useUpdateDraft(opened: Versioned<Recommendation>) {
  const { drafts, user } = useSession();
  const key = draftKey(user.email, opened.value.id);
  const [restored] = useState(() => drafts.load(key));
  const [draft, setDraft] = useState<UpdateDraft>(() => restored ?? newDraft(opened, newKey, user.email));
  const [dirty, setDirty] = useState(false);
  const [saveProblem, setSaveProblem] = useState<string | undefined>();

  useEffect(() => {
    if (!dirty) return;
    try {
      drafts.save(key, draft);
      setSaveProblem(undefined);
    } catch (e) {
      setSaveProblem(e instanceof Error ? e.message : String(e));
    }
  }, [draft, dirty, drafts, key]);

  const change = useCallback((patch: Partial<UpdateDraft>): void => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setDirty(true);
  }, []);
  /** The update was sent: nothing is kept. */
  const forget = useCallback((): void => {
    drafts.clear(key);
    setDirty(false);
  }, [drafts, key]);
  /** The owner discards the draft and starts again. */
  const discard = useCallback((): void => {
    forget();
    setDraft(newDraft(opened, newKey, user.email));
  }, [forget, opened, user.email]);

  return { draft, restored, change, forget, discard, saveProblem };
}
