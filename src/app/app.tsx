import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { DirectoryPerson } from '../application/session';
import { MyRecommendationsPage } from '../features/owner/my-recommendations-page';
import { RecommendationPage } from '../features/owner/recommendation-page';
import { useHashRoute } from './routes';
import { SessionContext } from '../features/shared/session-context';
import { SignInPage } from '../features/sign-in/sign-in-page';
import type { TabConfig } from './config';
import { emulatorPeople, emulatorSession } from './emulator-session';
import { ThemeSwitcher, useThemeChoice } from './theme';

const useStyles = makeStyles({
  shell: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flexGrow: 1 },
});

const storedUserKey = 'auditTracker.emulatorUser';

function readStoredUser(): DirectoryPerson | undefined {
  try {
    const raw = localStorage.getItem(storedUserKey);
    return raw ? (JSON.parse(raw) as DirectoryPerson) : undefined;
  } catch {
    return undefined;
  }
}

export function ConfigProblems({ problems }: { problems: string[] }) {
  return (
    <FluentProvider style={{ padding: 24 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The tab is not configured</MessageBarTitle>
          Set these in env/.env.&lt;environment&gt; and build again:
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

export function App({ config }: { config: Extract<TabConfig, { TAB_AUTH_MODE: 'emulator' }> }) {
  const styles = useStyles();
  const [theme, setTheme] = useThemeChoice();
  const [route, navigate] = useHashRoute();
  const [person, setPerson] = useState<DirectoryPerson | undefined>(readStoredUser);
  const session = useMemo(() => (person ? emulatorSession(config, person) : undefined), [config, person]);
  const loadPeople = useCallback(() => emulatorPeople(config.TAB_GRAPH_ORIGIN), [config]);
  const signIn = (next: DirectoryPerson | undefined): void => {
    if (next) localStorage.setItem(storedUserKey, JSON.stringify(next));
    else localStorage.removeItem(storedUserKey);
    setPerson(next);
  };

  return (
    <FluentProvider theme={theme.theme} className={styles.shell}>
      <header className={styles.header}>
        <Title3 as="p">Audit Tracker</Title3>
        <span className={styles.grow} />
        <ThemeSwitcher choice={theme.name} onChange={setTheme} />
        {session && (
          <>
            <span>
              <Body1 block>{session.user.name}</Body1>
              <Caption1 block>{session.user.role}</Caption1>
            </span>
            <Button onClick={() => signIn(undefined)}>Switch user</Button>
          </>
        )}
      </header>
      {!session ? (
        <SignInPage loadPeople={loadPeople} onSignIn={signIn} />
      ) : (
        <SessionContext.Provider value={session}>
          <main>
            {route.page === 'recommendation' ? (
              <RecommendationPage id={route.id} onBack={() => navigate({ page: 'mine' })} />
            ) : (
              <MyRecommendationsPage onOpen={(id) => navigate({ page: 'recommendation', id })} />
            )}
          </main>
        </SessionContext.Provider>
      )}
    </FluentProvider>
  );
}
