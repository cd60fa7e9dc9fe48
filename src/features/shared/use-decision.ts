import { useState } from 'react';
import { ConflictError, DuplicateReferenceError } from '../../application/ports';
import { teamsReachSentence } from '../../application/reminders/feed-delivery';

export interface DecisionOutcome {
  intent: 'success' | 'error';
  text: string;
  /** A recommendation the message is about, for an "Open it" action (the existing item a duplicate met). */
  recommendationId?: string;
}

export interface Decision {
  busy: boolean;
  /** The outcome of the last decision made in this scope. */
  message: DecisionOutcome | undefined;
  /** `label` is the success message, or made from the result when what happened decides it. */
  run: <T>(label: string | ((result: T) => string), work: () => Promise<T>, after?: (result: T) => void) => void;
  /**
   * The same decision runner for one row or section, whose message shows there, beside what it confirms,
   * and nowhere else. Busy is shared: one decision at a time on the page.
   */
  within: (scope: string) => Decision;
}

function outcomeOf(error: unknown): DecisionOutcome {
  if (error instanceof DuplicateReferenceError) {
    return {
      intent: 'error',
      text: `${error.message}. Nothing was saved; open it to change it, or use another reference.`,
      recommendationId: error.existing.value.id,
    };
  }
  const text =
    error instanceof ConflictError
      ? 'Someone else changed this recommendation meanwhile. The list has been refreshed; check it and decide again.'
      : error instanceof Error
        ? error.message
        : String(error);
  return { intent: 'error', text };
}

/** Runs one decision at a time, turning failures into a message the coordinator can act on. */
export function useDecision(onDone: () => void): Decision {
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<{ scope: string; outcome: DecisionOutcome } | undefined>();
  const scoped = (scope: string): Decision => ({
    busy,
    message: last?.scope === scope ? last.outcome : undefined,
    run: (label, work, after) => {
      setBusy(true);
      setLast(undefined);
      work()
        .then(
          (result) => {
            // A decision that told people in Teams says whom; one that could not reach someone says so too.
            const told = teamsReachSentence(result);
            const text = typeof label === 'function' ? label(result) : label;
            setLast({ scope, outcome: { intent: 'success', text: told ? `${text}; ${told}.` : text } });
            after?.(result);
            onDone();
          },
          (error: unknown) => {
            setLast({ scope, outcome: outcomeOf(error) });
            if (error instanceof ConflictError) onDone();
          },
        )
        .finally(() => setBusy(false));
    },
    within: scoped,
  });
  return scoped('');
}
