import { Body1, Caption1, FluentProvider, Title3, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Session } from '../application/session';
import { MyRecommendationsPage } from '../features/owner/my-recommendations-page';
import { RecommendationPage } from '../features/owner/recommendation-page';
import { SessionContext } from '../features/shared/session-context';
import { useHashRoute } from './routes';

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

/** The frame every mode shares: theme, header with who is signed in, and the screens. */
export function Shell({ theme, session, actions, children }: { theme: Theme; session?: Session; actions?: ReactNode; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme} className={styles.shell}>
      <header className={styles.header}>
        <Title3 as="p">Audit Tracker</Title3>
        <span className={styles.grow} />
        {session && (
          <span>
            <Body1 block>{session.user.name}</Body1>
            <Caption1 block>{session.user.role}</Caption1>
          </span>
        )}
        {actions}
      </header>
      {session ? <Screens session={session} /> : children}
    </FluentProvider>
  );
}

function Screens({ session }: { session: Session }) {
  const [route, navigate] = useHashRoute();
  return (
    <SessionContext.Provider value={session}>
      <main>
        {route.page === 'recommendation' ? (
          <RecommendationPage id={route.id} onBack={() => navigate({ page: 'mine' })} />
        ) : (
          <MyRecommendationsPage onOpen={(id) => navigate({ page: 'recommendation', id })} />
        )}
      </main>
    </SessionContext.Provider>
  );
}
