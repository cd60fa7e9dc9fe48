import { useState } from 'react';
import { ConflictError, DuplicateReferenceError } from '../../application/ports';

export interface DecisionOutcome {
  intent: 'success' | 'error';
  text: string;
  /** A recommendation the message is about, for an "Open it" action (the existing item a duplicate met). */
  recommendationId?: string;
}

/** Runs one decision at a time, turning failures into a message the coordinator can act on. */
export function useDecision(onDone: () => void): {
  busy: boolean;
  message: DecisionOutcome | undefined;
  run: <T>(label: string, work: () => Promise<T>, after?: (result: T) => void) => void;
} {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<DecisionOutcome | undefined>();
  const run = <T>(label: string, work: () => Promise<T>, after?: (result: T) => void): void => {
    setBusy(true);
    setMessage(undefined);
    work()
      .then(
        (result) => {
          setMessage({ intent: 'success', text: label });
          after?.(result);
          onDone();
        },
        (error: unknown) => {
          if (error instanceof DuplicateReferenceError) {
            setMessage({
              intent: 'error',
              text: `${error.message}. Nothing was saved; open it to change it, or use another reference.`,
              recommendationId: error.existing.value.id,
            });
            return;
          }
          const text =
            error instanceof ConflictError
              ? 'Someone else changed this recommendation meanwhile. The list has been refreshed; check it and decide again.'
              : error instanceof Error
                ? error.message
                : String(error);
          setMessage({ intent: 'error', text });
          if (error instanceof ConflictError) onDone();
        },
      )
      .finally(() => setBusy(false));
  };
  return { busy, message, run };
}
