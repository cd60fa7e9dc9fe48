import { Body1, Caption1, FluentProvider, Spinner, Title3, makeStyles, teamsHighContrastTheme, tokens, type Theme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { Session } from '../application/ports';
import { MyRecommendationsPage } from '../features/owner/my-recommendations-page';
import { HighContrastContext } from '../features/shared/high-contrast';
import { SessionContext } from '../features/shared/session-context';
import { routeHash, useHashRoute, type Page, type Route } from './routes';

const useStyles = makeStyles({
  shell: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  header: {
    display: 'flex',
    alignItems: 'center',
    // At Teams mobile's width the person and the actions move to a second line rather than off the screen.
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flexGrow: 1 },
});

/** The frame every mode shares: theme, header with who is signed in, and the screens. */
export function Shell({ theme, session, actions, children }: { theme: Theme; session?: Session; actions?: ReactNode; children?: ReactNode }) {
  const styles = useStyles();
  // A meeting's stage is everyone's shared screen, and its side panel is narrow under Teams' own header: the item
  // alone, without this header.
  const bare = session?.meeting !== undefined && session.meeting.surface !== 'tab';
  return (
    <FluentProvider theme={theme} className={styles.shell}>
      {!bare && (
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
      )}
      <HighContrastContext.Provider value={theme === teamsHighContrastTheme}>
        {session?.meeting ? (
          <SessionContext.Provider value={session}>
            <Suspense fallback={<Spinner label="Loading…" />}>
              <MeetingApp host={session.meeting} />
            </Suspense>
          </SessionContext.Provider>
        ) : session ? (
          <Screens session={session} />
        ) : (
          children
        )}
      </HighContrastContext.Provider>
    </FluentProvider>
  );
}

// Owners have one section and no tabs: the tab list, its overflow menu and their positioning load for the roles with several.
const SectionTabs = lazy(() => import('./section-tabs').then((m) => ({ default: m.SectionTabs })));
// The owner lands on their list; an item's page (its update form and pickers) loads when they open one.
const RecommendationPage = lazy(() => import('../features/owner/recommendation-page').then((m) => ({ default: m.RecommendationPage })));
const DashboardPage = lazy(() => import('../features/coordinator/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const RegisterPage = lazy(() => import('../features/coordinator/register-page').then((m) => ({ default: m.RegisterPage })));
const ReviewPage = lazy(() => import('../features/coordinator/review-page').then((m) => ({ default: m.ReviewPage })));
const AuditsPage = lazy(() => import('../features/coordinator/audits-page').then((m) => ({ default: m.AuditsPage })));
const ImportPage = lazy(() => import('../features/coordinator/import-page').then((m) => ({ default: m.ImportPage })));
const ChannelPage = lazy(() => import('../features/coordinator/channel-page').then((m) => ({ default: m.ChannelPage })));
// Only coordinators edit: their editor loads when they open a recommendation.
const RecommendationEditor = lazy(() => import('../features/coordinator/recommendation-editor').then((m) => ({ default: m.RecommendationEditor })));
const MeetingsPage = lazy(() => import('../features/panel/meetings-page').then((m) => ({ default: m.MeetingsPage })));
// A Teams meeting's side panel, stage and chat tab: only meetings load it.
const MeetingApp = lazy(() => import('../features/panel/meeting-app').then((m) => ({ default: m.MeetingApp })));
const PaperPage = lazy(() => import('../features/panel/paper-page').then((m) => ({ default: m.PaperPage })));
const tabsFor: Record<Session['user']['role'], { page: Page; label: string }[]> = {
  owner: [{ page: 'home', label: 'My recommendations' }],
  coordinator: [
    { page: 'dashboard', label: 'Programme' },
    { page: 'register', label: 'Register' },
    { page: 'review', label: 'Review' },
    { page: 'audits', label: 'Audits' },
    { page: 'import', label: 'Import' },
    { page: 'channel', label: 'Channel' },
    { page: 'meetings', label: 'Meetings' },
    { page: 'paper', label: 'Panel paper' },
  ],
  panel: [{ page: 'paper', label: 'Panel paper' }],
};

function Screens({ session }: { session: Session }) {
  const [route, navigate] = useHashRoute();
  const tabs = tabsFor[session.user.role];
  const home = tabs[0]?.page ?? 'home';
  const page = route.page === 'home' ? home : route.page;
  const open = (id: string): void => navigate({ page: 'recommendation', id });
  // Back from an item returns to the screen it was opened from (the register, filtered as it was), not the home.
  const [from, setFrom] = useState<Exclude<Route, { page: 'recommendation' }>>({ page: home });
  useEffect(() => {
    if (route.page !== 'recommendation') setFrom(route);
  }, [route]);
  const fromPage = from.page === 'home' ? home : from.page;
  const allowed = page === 'recommendation' || tabs.some((t) => t.page === page);
  return (
    <SessionContext.Provider value={session}>
      {tabs.length > 1 && (
        <Suspense fallback={null}>
          <SectionTabs sections={tabs} selected={page} onSelect={(next) => navigate({ page: next })} />
        </Suspense>
      )}
      <main>
        <Suspense fallback={<Spinner label="Loading…" />}>
          {route.page === 'recommendation' ? (
            <RecommendationPage
              id={route.id}
              onBack={() => navigate(from)}
              backLabel={tabs.find((t) => t.page === fromPage)?.label ?? tabs[0]?.label ?? 'Back'}
              editor={
                session.user.role === 'coordinator'
                  ? (detail, onSaved) => (
                      <Suspense fallback={<Spinner label="Loading the editor…" />}>
                        <RecommendationEditor detail={detail} onSaved={onSaved} />
                      </Suspense>
                    )
                  : undefined
              }
            />
          ) : !allowed ? (
            <MyRecommendationsPage onOpen={open} />
          ) : page === 'dashboard' ? (
            <DashboardPage registerHref={(query) => routeHash({ page: 'register', query })} onReview={() => navigate({ page: 'review' })} />
          ) : page === 'register' ? (
            // A new filter from the dashboard starts the register afresh.
            <RegisterPage key={route.query ?? ''} onOpen={open} query={route.query} />
          ) : page === 'review' ? (
            <ReviewPage onOpen={open} />
          ) : page === 'audits' ? (
            <AuditsPage onOpen={open} />
          ) : page === 'import' ? (
            <ImportPage />
          ) : page === 'channel' ? (
            <ChannelPage />
          ) : page === 'meetings' ? (
            <MeetingsPage paperHref={(id) => routeHash({ page: 'paper', query: new URLSearchParams({ meeting: id }).toString() })} />
          ) : page === 'paper' ? (
            <PaperPage
              key={route.query ?? ''}
              canDecide={session.user.role === 'coordinator'}
              onOpen={open}
              meetingId={new URLSearchParams(route.query ?? '').get('meeting') ?? undefined}
              meetingsHref={routeHash({ page: 'meetings' })}
            />
          ) : (
            <MyRecommendationsPage onOpen={open} />
          )}
        </Suspense>
      </main>
    </SessionContext.Provider>
  );
}
