import { Body1, FluentProvider, Link, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { TabConfiguration } from '../adapters/teams/tab-configuration';
import type { HostContext } from '../application/ports';
import type { LinkOnSave } from '../features/panel/meeting-link-choice';
import { SessionContext } from '../features/shared/session-context';
import { channelTabSettings, channelViews, meetingTabSettings, viewFromAddress, type ChannelView } from './routes';
import type { SignIn } from './sign-in';
import { SignInStatus } from './sign-in-status';
import { useTabTheme } from './theme';
import { useSignedIn } from './use-signed-in';
import { loadTeamsJs, useTeamsHost, type HostState } from './use-teams-host';

const MeetingLinkChoice = lazy(() => import('../features/panel/meeting-link-choice').then((m) => ({ default: m.MeetingLinkChoice })));

const useStyles = makeStyles({
  // The theme's background fills the frame, not only the form: in the dark themes the rest would show white.
  frame: { minHeight: '100vh' },
  page: { padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
});

const tabAddress = (): string => `${window.location.origin}${window.location.pathname}`;
const isChannelView = (value: string): value is ChannelView => channelViews.some((v) => v.view === value);

/**
 * In a meeting, the person signs in and chooses the panel meeting this Teams meeting holds: Save links it, then
 * adds the tab. Without a configured sign-in (or a chat to key the link), Save adds the tab and the side panel
 * offers the link.
 */
function MeetingTabSetup({
  signIn,
  host,
  chatId,
  onLinkChange,
}: {
  signIn: SignIn;
  host: HostState;
  chatId: string;
  onLinkChange: (link: LinkOnSave) => void;
}) {
  const signedIn = useSignedIn(signIn, host);
  const hostContext: HostContext | undefined = host.status === 'connected' ? host.context : undefined;
  if (signedIn.stage.kind !== 'ready') return <SignInStatus signIn={signIn} host={hostContext} signedIn={signedIn} />;
  return (
    <SessionContext.Provider value={signedIn.stage.session}>
      <Suspense fallback={<Spinner />}>
        <MeetingLinkChoice chatId={chatId} onChange={onLinkChange} />
      </Suspense>
    </SessionContext.Provider>
  );
}

/**
 * The configurable tab's page (manifest `configurationUrl`, `?configure=1`). Teams shows it when the tab is added
 * to a channel or a meeting, or its settings are reopened. In a channel, Save stores the chosen view in the tab's
 * address; in a meeting there is one view, the panel meeting, and Save links the panel meeting chosen here.
 */
export function ConfigureApp({ signIn }: { signIn?: SignIn }) {
  const styles = useStyles();
  const host = useTeamsHost();
  const { theme } = useTabTheme(host);
  const [view, setView] = useState<ChannelView | undefined>();
  const configuration = useRef<TabConfiguration | undefined>(undefined);
  const choose = useCallback((next: ChannelView): void => {
    setView(next);
    configuration.current?.choose(channelTabSettings(next, tabAddress()));
  }, []);

  const meetingChat = host.status === 'connected' ? host.context.meeting?.chatId : undefined;
  const inMeeting = meetingChat !== undefined;
  const linkOnSave = useRef<LinkOnSave>(undefined);
  const chooseMeetingTab = useCallback((): void => configuration.current?.choose(meetingTabSettings(tabAddress()), linkOnSave.current), []);
  const changeLink = useCallback(
    (link: LinkOnSave): void => {
      linkOnSave.current = link;
      chooseMeetingTab();
    },
    [chooseMeetingTab],
  );
  useEffect(() => {
    if (host.status !== 'connected') return;
    let live = true;
    void loadTeamsJs().then(async ({ pages }) => {
      const current = new TabConfiguration(pages);
      configuration.current = current;
      if (inMeeting) return chooseMeetingTab();
      const saved = await current.savedAddress();
      const savedView = saved ? viewFromAddress(new URL(saved).search) : 'owner';
      if (live) choose(isChannelView(savedView) ? savedView : 'coordinator');
    });
    return () => {
      live = false;
    };
  }, [host.status, inMeeting, choose, chooseMeetingTab]);

  return (
    <FluentProvider theme={theme} className={styles.frame}>
      <main className={styles.page}>
        <Title2 as="h1">Set up the Audit Tracker tab</Title2>
        {host.status === 'connecting' && <Spinner label="Connecting to Teams…" />}
        {host.status === 'absent' && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              Teams shows this page when the tab is added to a channel. Outside Teams, open a view directly:{' '}
              {channelViews.map((v, i) => (
                <span key={v.view}>
                  {i > 0 && ' or '}
                  <Link href={channelTabSettings(v.view, tabAddress()).contentUrl}>{v.name}</Link>
                </span>
              ))}
              .
            </MessageBarBody>
          </MessageBar>
        )}
        {inMeeting && (
          <>
            <Body1>
              Save adds the audit panel meeting to this Teams meeting. The audit coordinator runs the meeting from its side panel, sharing each item to the
              stage; members follow read-only.
            </Body1>
            {signIn && <MeetingTabSetup signIn={signIn} host={host} chatId={meetingChat} onLinkChange={changeLink} />}
          </>
        )}
        {host.status === 'connected' && !inMeeting && (
          <>
            <Body1>Choose what this channel tab shows. People see only what their SharePoint permissions allow.</Body1>
            <RadioGroup aria-label="What this tab shows" value={view ?? ''} onChange={(_, data) => isChannelView(data.value) && choose(data.value)}>
              {channelViews.map((v) => (
                <Radio
                  key={v.view}
                  value={v.view}
                  label={
                    <>
                      <strong>{v.name}</strong>: {v.description}
                    </>
                  }
                />
              ))}
            </RadioGroup>
          </>
        )}
      </main>
    </FluentProvider>
  );
}
