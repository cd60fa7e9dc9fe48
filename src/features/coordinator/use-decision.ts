import { useState } from 'react';
import { ConflictError } from '../../application/ports';

/** Runs one decision at a time, turning failures into a message the coordinator can act on. */
export function useDecision(onDone: () => void): { busy: boolean; message: { intent: 'success' | 'error'; text: string } | undefined; run: (label: string, work: () => Promise<unknown>) => void } {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const run = (label: string, work: () => Promise<unknown>): void => {
    setBusy(true);
    setMessage(undefined);
    work().then(
      () => {
        setMessage({ intent: 'success', text: label });
        onDone();
      },
      (error: unknown) => {
        const text =
          error instanceof ConflictError
            ? 'Someone else changed this recommendation meanwhile. The list has been refreshed; check it and decide again.'
            : error instanceof Error
              ? error.message
              : String(error);
        setMessage({ intent: 'error', text });
        if (error instanceof ConflictError) onDone();
      },
    ).finally(() => setBusy(false));
  };
  return { busy, message, run };
}
