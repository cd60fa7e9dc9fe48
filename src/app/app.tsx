import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { DirectoryPerson } from '../application/session';
import { SignInPage } from '../features/sign-in/sign-in-page';
import type { TabConfig } from './config';
import { emulatorDirectory } from '../adapters/auth/emulator-token-provider';
import { emulatorSession } from './emulator-session';
import { Shell } from './shell';
import { ThemeSwitcher, useThemeChoice } from './theme';

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

/** The embedded default: sign in as one of the emulator's people, switch at any time. */
export function EmulatorApp({ config }: { config: Extract<TabConfig, { TAB_AUTH_MODE: 'emulator' }> }) {
  const [theme, setTheme] = useThemeChoice();
  const [person, setPerson] = useState<DirectoryPerson | undefined>(readStoredUser);
  const session = useMemo(() => (person ? emulatorSession(config, person) : undefined), [config, person]);
  const loadPeople = useCallback(() => emulatorDirectory(config.TAB_GRAPH_ORIGIN), [config]);
  const signIn = (next: DirectoryPerson | undefined): void => {
    if (next) localStorage.setItem(storedUserKey, JSON.stringify(next));
    else localStorage.removeItem(storedUserKey);
    setPerson(next);
  };
  return (
    <Shell
      theme={theme.theme}
      session={session}
      actions={
        <>
          <ThemeSwitcher choice={theme.name} onChange={setTheme} />
          {session && <Button onClick={() => signIn(undefined)}>Switch user</Button>}
        </>
      }
    >
      <SignInPage loadPeople={loadPeople} onSignIn={signIn} />
    </Shell>
  );
}
