import type { ReactNode } from 'react';
import type { HostContext, Session } from '../application/ports';

/**
 * How a person signs in: the emulator's dev identity or Microsoft Entra ID through msal. The App asks for no more
 * than this, so the embedded default and a tenant run the same start-up, shell and screens.
 */
export interface SignIn {
  /** Who is signed in without asking, once the host is known; undefined when the person must sign in. */
  silent(host: HostContext | undefined): Promise<Session | undefined>;
  /** What the person does to sign in when no one was signed in silently. */
  prompt(props: { host: HostContext | undefined; onSignedIn: (session: Session) => void }): ReactNode;
  /** Whether the person may sign out and let someone else sign in here (the emulator outside Teams). */
  canSwitchUser(host: HostContext | undefined): boolean;
  signOut(): void;
}
