import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { emulatorDirectory } from '../adapters/auth/emulator-token-provider';
import type { DirectoryPerson, HostContext } from '../application/ports';
import type { TabConfig } from './config';
import { emulatorSession } from './emulator-session';
import type { SignIn } from './sign-in';

// Only someone choosing who to be on the emulator sees the directory's people: not the landing's cost.
const SignInPage = lazy(() => import('../features/sign-in/sign-in-page').then((m) => ({ default: m.SignInPage })));

const storedUserKey = 'auditTracker.emulatorUser';

function readStoredUser(): DirectoryPerson | undefined {
  try {
    const raw = localStorage.getItem(storedUserKey);
    return raw ? (JSON.parse(raw) as DirectoryPerson) : undefined;
  } catch {
    return undefined;
  }
}

const remember = (person: DirectoryPerson | undefined): void =>
  person ? localStorage.setItem(storedUserKey, JSON.stringify(person)) : localStorage.removeItem(storedUserKey);

/**
 * The embedded default: the person chosen on this device, or, inside Teams, the directory person with the host's
 * address. Outside Teams anyone may switch at any time.
 */
export function emulatorSignIn(config: Extract<TabConfig, { TAB_AUTH_MODE: 'emulator' }>): SignIn {
  const loadPeople = () => emulatorDirectory(config.TAB_GRAPH_ORIGIN);
  const sessionFor = (person: DirectoryPerson, host: HostContext | undefined) => {
    remember(person);
    return emulatorSession(config, person, host);
  };
  return {
    async silent(host) {
      const hint = host?.user.loginHint?.toLowerCase();
      const stored = readStoredUser();
      if (!hint) return stored ? sessionFor(stored, host) : undefined;
      if (stored?.email.toLowerCase() === hint) return sessionFor(stored, host);
      const match = (await loadPeople().catch(() => [])).find((p) => p.email.toLowerCase() === hint);
      return match ? sessionFor(match, host) : undefined;
    },
    prompt: ({ host, onSignedIn }) => (
      <>
        {host?.user.loginHint && (
          <MessageBar intent="warning">
            <MessageBarBody>
              Teams signed you in as {host.user.loginHint.toLowerCase()}, who is not in the emulator&apos;s directory. Choose a person.
            </MessageBarBody>
          </MessageBar>
        )}
        <Suspense fallback={<Spinner label="Loading…" />}>
          <SignInPage loadPeople={loadPeople} onSignIn={(person) => onSignedIn(sessionFor(person, host))} />
        </Suspense>
      </>
    ),
    // Inside Teams the host says who is signed in.
    canSwitchUser: (host) => !host,
    signOut: () => remember(undefined),
  };
}
