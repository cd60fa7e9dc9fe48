import { Body1, Button, Caption1, Card, MessageBar, MessageBarBody, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { AdaptiveCard, OpenUrlAction } from 'adaptivecards';
import { useEffect, useRef } from 'react';
import type { PostedMessage } from '../../application/ports';
import { safeMarkdown } from '../shared/safe-markdown';
import { LoadFailed } from '../shared/load-failed';
import { useSession } from '../shared/session-context';
import { DecisionMessage } from '../shared/decision-message';
import { useDecision } from '../shared/use-decision';
import { useChannel, useCoordinatorActions } from './data';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
});

AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = safeMarkdown(text);
  result.didProcess = true;
};

/**
 * Renders a posted Adaptive Card with the same renderer Teams uses, so what is shown here is what Teams shows. Its
 * links and Open buttons go through the session, so inside Teams a deep link opens the tab in place.
 */
function RenderedCard({ json, inert = false }: { json: unknown; inert?: boolean }) {
  const styles = useStyles();
  const { openLink } = useSession();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const card = new AdaptiveCard();
    card.onExecuteAction = (action) => {
      if (!inert && action instanceof OpenUrlAction && action.url) openLink(action.url);
    };
    card.parse(json);
    const element = card.render();
    const target = host.current;
    if (!target || !element) return;
    target.replaceChildren(element);
    const onClick = (event: MouseEvent): void => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      if (!inert) openLink(link.href);
    };
    target.addEventListener('click', onClick);
    return () => {
      target.removeEventListener('click', onClick);
      target.replaceChildren();
    };
  }, [json, openLink, inert]);
  return <div ref={host} className={styles.card} data-testid="adaptive-card" />;
}

/**
 * Every message says who posted it. Anyone in the channel can post a card ("session expired – sign in"
 * included), so only the tracker's own posters' cards (the reminders' flow, or the person signed in) are live;
 * anyone else's is shown with its links and buttons turned off.
 */
function MessageView({ message }: { message: PostedMessage }) {
  const styles = useStyles();
  const { locale, user } = useSession();
  const ours = message.byApplication || message.from === user.name;
  return (
    <Card className={styles.message} aria-label={`Message from ${message.from}`}>
      <Caption1>
        Posted by {message.from}
        {message.byApplication ? ' (app)' : ''} · {new Date(message.at).toLocaleString(locale)}
      </Caption1>
      {message.text && <Body1>{message.text}</Body1>}
      {!ours && message.cards.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Posted by {message.from}, not by the tracker: its links and buttons are turned off here. Check with {message.from} before following anything in it
            in Teams.
          </MessageBarBody>
        </MessageBar>
      )}
      {message.cards.map((card, i) => (
        <RenderedCard key={i} json={card} inert={!ours} />
      ))}
    </Card>
  );
}

/** The coordinators' channel as Teams would show it, and "Send reminders now". */
export function ChannelPage() {
  const styles = useStyles();
  const [state, reload] = useChannel();
  const actions = useCoordinatorActions();
  const decision = useDecision(reload);

  if (state.status === 'loading') return <Spinner label="Loading the channel…" />;
  if (state.status === 'error') return <LoadFailed problem="The channel could not be read" error={state.error} onRetry={reload} />;
  const { channel, messages } = state.value;
  if (!channel) return <Body1>Open this tab in the coordinators&apos; channel to see and send reminders.</Body1>;
  const sendNow = (): void =>
    decision.run('Reminders sent', async () => {
      const run = await actions.sendReminders(channel);
      if (run.failed.length > 0)
        throw new Error(`${run.sent} reminder(s) sent; ${run.failed.length} failed and will be retried: ${run.failed.map((f) => f.owner).join(', ')}`);
      return run;
    });
  return (
    <section className={styles.page} aria-labelledby="channel-title">
      <Title2 as="h1" id="channel-title">
        Channel
      </Title2>
      <div>
        <Button appearance="primary" onClick={sendNow} disabled={decision.busy}>
          {decision.busy ? 'Sending…' : 'Send reminders now'}
        </Button>
      </div>
      <DecisionMessage message={decision.message} />
      {messages.length === 0 ? <Body1>No messages yet.</Body1> : messages.map((m) => <MessageView key={m.id} message={m} />)}
    </section>
  );
}
