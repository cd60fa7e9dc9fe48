import {
  Body1,
  Button,
  Caption1,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AdaptiveCard, OpenUrlAction } from 'adaptivecards';
import { useEffect, useRef, useState } from 'react';
import type { PostedMessage, TeamChannel } from '../../application/ports';
import { itemName } from '../../application/reminders/reminder-cards';
import type { ReminderRoute, ReminderRun } from '../../application/reminders/reminders';
import { reminderDeliveries, type ReminderDelivery } from '../../application/ports';
import { useDates } from '../shared/dates';
import { safeMarkdown } from '../shared/safe-markdown';
import { themedHostConfig } from './card-host-config';
import { LoadFailed } from '../shared/load-failed';
import { useSession } from '../shared/session-context';
import { DecisionMessage } from '../shared/decision-message';
import { useDecision } from '../shared/use-decision';
import { useChannel, useCoordinatorActions } from './data';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  plan: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
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
    card.hostConfig = themedHostConfig;
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
  const { user } = useSession();
  const dates = useDates();
  const ours = message.byApplication || message.from === user.name;
  return (
    <Card className={styles.message} aria-label={`Message from ${message.from}`}>
      <Caption1>
        Posted by {message.from}
        {message.byApplication ? ' (app)' : ''} · {dates.instant(message.at)}
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

const deliveryKey = 'auditTracker.reminderDelivery';
const deliveryChoices: Record<ReminderDelivery, string> = { channel: 'A mention in this channel', feed: 'Their own Teams activity feed', both: 'Both' };
const routeWords: Record<ReminderRoute, string> = { channel: 'a mention in this channel', feed: 'their Teams activity feed' };
/** How one owner will be reminded: only the routes not yet taken today. */
const byRoutes = (routes: readonly ReminderRoute[] = []): string => `By ${routes.map((r) => routeWords[r]).join(' and ')}`;

/** The coordinator's choice of route, remembered as her default; the channel where the tab has no Teams app to notify through. */
function useDeliveryChoice(): [ReminderDelivery, (choice: ReminderDelivery) => void, boolean] {
  const { feed } = useSession();
  const [choice, setChoice] = useState<ReminderDelivery>(() => {
    const stored = localStorage.getItem(deliveryKey);
    return feed && reminderDeliveries.some((d) => d === stored) ? (stored as ReminderDelivery) : 'channel';
  });
  const choose = (next: ReminderDelivery): void => {
    localStorage.setItem(deliveryKey, next);
    setChoice(next);
  };
  return [choice, choose, feed !== undefined];
}

/** "Send reminders now": what it will post, read first without posting, and a confirmation. */
function SendRemindersDialog({ channel, busy, onSend }: { channel: TeamChannel; busy: boolean; onSend: (delivery: ReminderDelivery) => void }) {
  const styles = useStyles();
  const actions = useCoordinatorActions();
  const [open, setOpen] = useState(false);
  const [delivery, setDelivery, canNotify] = useDeliveryChoice();
  const [plan, setPlan] = useState<{ status: 'loading' } | { status: 'ready'; run: ReminderRun } | { status: 'error'; message: string }>({ status: 'loading' });
  // What is due depends on the route: a day reminded in the channel may still be due in the feed.
  const preview = (by: ReminderDelivery): void => {
    setPlan({ status: 'loading' });
    actions.previewReminders(channel, by).then(
      (run) => setPlan({ status: 'ready', run }),
      (error: unknown) => setPlan({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  const show = (): void => {
    setOpen(true);
    preview(delivery);
  };
  const messages = plan.status === 'ready' ? plan.run.plan.messages : [];
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" onClick={show} disabled={busy}>
          {busy ? 'Sending…' : 'Send reminders now…'}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Send reminders now</DialogTitle>
          <DialogContent className={styles.message}>
            {canNotify && (
              <Field label="Remind owners by">
                <RadioGroup
                  value={delivery}
                  onChange={(_, d) => {
                    const next = reminderDeliveries.find((r) => r === d.value) ?? 'channel';
                    setDelivery(next);
                    preview(next);
                  }}
                >
                  {reminderDeliveries.map((d) => (
                    <Radio key={d} value={d} label={deliveryChoices[d]} />
                  ))}
                </RadioGroup>
              </Field>
            )}
            {plan.status === 'loading' && <Spinner size="small" label="Working out what is due…" />}
            {plan.status === 'error' && (
              <MessageBar intent="error">
                <MessageBarBody>What is due could not be worked out: {plan.message}</MessageBarBody>
              </MessageBar>
            )}
            {plan.status === 'ready' &&
              (messages.length === 0 ? (
                <Body1>Nothing is due today: every owner has been reminded already, or has updated. Nothing will be posted.</Body1>
              ) : (
                <>
                  <Body1>{messages.length} owner(s) will be reminded, each in their own message, then the audit team gets a digest in this channel:</Body1>
                  <ul aria-label="Reminders to send" className={styles.plan}>
                    {messages.map(({ owner, units }) => (
                      <li key={owner.email}>
                        <Body1>{owner.name}</Body1>
                        <Caption1 block>{byRoutes(plan.status === 'ready' ? plan.run.routes[owner.email] : [])}</Caption1>
                        <Caption1 block>{[...new Set(units.flatMap((u) => u.items.map(itemName)))].join('; ')}</Caption1>
                      </li>
                    ))}
                  </ul>
                </>
              ))}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={messages.length === 0}
              onClick={() => {
                setOpen(false);
                onSend(delivery);
              }}
            >
              Send {messages.length} reminder(s)
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
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
  const sendNow = (delivery: ReminderDelivery): void =>
    decision.run(
      (run) =>
        run.withoutApp.length > 0
          ? `Reminders sent; not reached in their Teams activity feed (no app, or not in the directory), and named in the digest: ${run.withoutApp.map((p) => p.name).join(', ')}`
          : 'Reminders sent',
      async () => {
        const run = await actions.sendReminders(channel, delivery);
        if (run.failed.length > 0)
          throw new Error(`${run.sent} reminder(s) sent; ${run.failed.length} failed and will be retried: ${run.failed.map((f) => f.owner).join(', ')}`);
        return run;
      },
    );
  return (
    <section className={styles.page} aria-labelledby="channel-title">
      <Title2 as="h1" id="channel-title">
        Channel
      </Title2>
      {channel.isPrivate && (
        <MessageBar intent="info">
          <MessageBarBody>
            This is a private channel: Workflows cannot post into it, so the daily job does not post reminders here. &ldquo;Send reminders now&rdquo; posts as
            you, through Teams, and owners can be reminded in their own activity feed.
          </MessageBarBody>
        </MessageBar>
      )}
      <div>
        <SendRemindersDialog channel={channel} busy={decision.busy} onSend={sendNow} />
      </div>
      <DecisionMessage message={decision.message} />
      {messages.length === 0 ? <Body1>No messages yet.</Body1> : messages.map((m) => <MessageView key={m.id} message={m} />)}
    </section>
  );
}
