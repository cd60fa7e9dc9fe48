import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DirectoryPerson } from '../application/ports';
import { SignInPage } from '../features/sign-in/sign-in-page';
import type { TabConfig } from './config';
import { emulatorDirectory } from '../adapters/auth/emulator-token-provider';
import { emulatorSession } from './emulator-session';
import { Shell } from './shell';
import { useTabTheme } from './theme';
import { useTeamsHost } from './use-teams-host';

const storedUserKey = 'auditTracker.emulatorUser';

function readStoredUser(): DirectoryPerson | undefined {
  try {
    const raw = localStorage.getItem(storedUserKey);
    return raw ? (JSON.parse(raw) as DirectoryPerson) : undefined;
  } catch {
    return undefined;
  }
}

export function ConfigProblems({ title = 'The tab is not configured', problems }: { title?: string; problems: string[] }) {
  return (
    <FluentProvider style={{ padding: 24 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

/** In Teams the host says who is signed in; the emulator signs in the directory person with that address. */
function useHostSignIn(
  loginHint: string | undefined,
  person: DirectoryPerson | undefined,
  loadPeople: () => Promise<DirectoryPerson[]>,
  signIn: (p: DirectoryPerson) => void,
) {
  const [unknown, setUnknown] = useState<string | undefined>();
  const hint = loginHint?.toLowerCase();
  const pending = Boolean(hint) && person?.email.toLowerCase() !== hint && unknown !== hint;
  useEffect(() => {
    if (!pending || !hint) return;
    let live = true;
    loadPeople().then(
      (people) => {
        const match = people.find((p) => p.email.toLowerCase() === hint);
        if (!live) return;
        if (match) signIn(match);
        else setUnknown(hint);
      },
      () => live && setUnknown(hint),
    );
    return () => {
      live = false;
    };
  }, [pending, hint, loadPeople, signIn]);
  return { pending, unknown };
}

/** The embedded default: sign in as one of the emulator's people, switch at any time; inside Teams, as the host's user. */
export function EmulatorApp({ config }: { config: Extract<TabConfig, { TAB_AUTH_MODE: 'emulator' }> }) {
  const host = useTeamsHost();
  const tabTheme = useTabTheme(host);
  const [person, setPerson] = useState<DirectoryPerson | undefined>(readStoredUser);
  const hostContext = host.status === 'connected' ? host.context : undefined;
  const session = useMemo(
    () => (person && host.status !== 'connecting' ? emulatorSession(config, person, hostContext) : undefined),
    [config, person, host.status, hostContext],
  );
  const loadPeople = useCallback(() => emulatorDirectory(config.TAB_GRAPH_ORIGIN), [config]);
  const signIn = useCallback((next: DirectoryPerson | undefined): void => {
    if (next) localStorage.setItem(storedUserKey, JSON.stringify(next));
    else localStorage.removeItem(storedUserKey);
    setPerson(next);
  }, []);
  const hostSignIn = useHostSignIn(hostContext?.user.loginHint, person, loadPeople, signIn);
  const waiting = host.status === 'connecting' || hostSignIn.pending;
  return (
    <Shell
      theme={tabTheme.theme}
      session={waiting ? undefined : session}
      actions={
        <>
          {tabTheme.picker}
          {session && !waiting && !hostContext && <Button onClick={() => signIn(undefined)}>Switch user</Button>}
        </>
      }
    >
      {waiting ? (
        <Spinner label="Signing you in…" style={{ padding: 24 }} />
      ) : (
        <>
          {hostSignIn.unknown && (
            <MessageBar intent="warning">
              <MessageBarBody>Teams signed you in as {hostSignIn.unknown}, who is not in the emulator&apos;s directory. Choose a person.</MessageBarBody>
            </MessageBar>
          )}
          <SignInPage loadPeople={loadPeople} onSignIn={signIn} />
        </>
      )}
    </Shell>
  );
}
