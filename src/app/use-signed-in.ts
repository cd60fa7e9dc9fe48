import { useEffect, useState } from 'react';
import type { Session } from '../application/ports';
import type { SignIn } from './sign-in';
import type { HostState } from './use-teams-host';

export type SignInStage = { kind: 'starting' } | { kind: 'ask' } | { kind: 'ready'; session: Session } | { kind: 'failed'; message: string };

/** Signs in silently once the host is known (the tab and a meeting tab's configuration page alike), else asks. */
export function useSignedIn(signIn: SignIn, host: HostState) {
  const hostContext = host.status === 'connected' ? host.context : undefined;
  const [stage, setStage] = useState<SignInStage>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (host.status === 'connecting') return;
    let live = true;
    setStage({ kind: 'starting' });
    signIn.silent(hostContext).then(
      (session) => live && setStage(session ? { kind: 'ready', session } : { kind: 'ask' }),
      (error: unknown) => live && setStage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [signIn, host.status, hostContext, attempt]);
  return { stage, setStage, retry: () => setAttempt((n) => n + 1) };
}
