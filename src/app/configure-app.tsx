import { Body1, FluentProvider, Link, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { TabConfiguration } from '../adapters/teams/tab-configuration';
import { channelTabSettings, channelViews, meetingTabSettings, viewFromAddress, type ChannelView } from './routes';
import { useTabTheme } from './theme';
import { loadTeamsJs, useTeamsHost } from './use-teams-host';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
});

const tabAddress = (): string => `${window.location.origin}${window.location.pathname}`;
const isChannelView = (value: string): value is ChannelView => channelViews.some((v) => v.view === value);

/**
 * The configurable tab's page (manifest `configurationUrl`, `?configure=1`). Teams shows it when the tab is added
 * to a channel or a meeting, or its settings are reopened. In a channel, Save stores the chosen view in the tab's
 * address; in a meeting there is one view, the panel meeting, which its side panel then links.
 */
export function ConfigureApp() {
  const styles = useStyles();
  const host = useTeamsHost();
  const { theme } = useTabTheme(host);
  const [view, setView] = useState<ChannelView | undefined>();
  const configuration = useRef<TabConfiguration | undefined>(undefined);
  const choose = useCallback((next: ChannelView): void => {
    setView(next);
    configuration.current?.choose(channelTabSettings(next, tabAddress()));
  }, []);

  const inMeeting = host.status === 'connected' && Boolean(host.context.meeting);
  useEffect(() => {
    if (host.status !== 'connected') return;
    let live = true;
    void loadTeamsJs().then(async ({ pages }) => {
      const current = new TabConfiguration(pages);
      configuration.current = current;
      if (inMeeting) return current.choose(meetingTabSettings(tabAddress()));
      const saved = await current.savedAddress();
      const savedView = saved ? viewFromAddress(new URL(saved).search) : 'owner';
      if (live) choose(isChannelView(savedView) ? savedView : 'coordinator');
    });
    return () => {
      live = false;
    };
  }, [host.status, inMeeting, choose]);

  return (
    <FluentProvider theme={theme}>
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
          <Body1>
            Save adds the audit panel meeting to this Teams meeting. Then open Audit panel meeting from the meeting&apos;s toolbar: the audit coordinator links
            it to a panel meeting there and runs the meeting from the side panel, sharing each item to the stage. Members follow read-only.
          </Body1>
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
