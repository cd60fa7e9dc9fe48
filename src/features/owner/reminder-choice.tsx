import { Field, Select, Spinner } from '@fluentui/react-components';
import { useCallback } from 'react';
import { reminderDeliveries, type ReminderDelivery } from '../../application/ports';
import { DecisionMessage } from '../shared/decision-message';
import { useAsync } from '../shared/use-async';
import { useDecision } from '../shared/use-decision';
import { useSession } from '../shared/session-context';

const words: Record<ReminderDelivery | '', string> = {
  '': "The audit team's choice",
  feed: 'A notification in my Teams activity feed',
  channel: "A mention in the audit team's channel",
  both: 'Both',
};
const confirmed: Record<ReminderDelivery | '', string> = {
  '': 'Your reminders will come as the audit team chooses',
  feed: 'Your reminders will come in your Teams activity feed',
  channel: "Your reminders will come as a mention in the audit team's channel",
  both: "Your reminders will come both in your Teams activity feed and in the audit team's channel",
};

/** How the owner wants to be reminded: their own choice, or the audit team's default. Shown only where Teams can notify. */
export function ReminderChoice() {
  const session = useSession();
  const [state, reload] = useAsync(useCallback(() => session.reminderPreferences.all(), [session]));
  const decision = useDecision(reload);
  if (!session.feed) return null;
  if (state.status === 'loading') return <Spinner size="tiny" label="Reading how you are reminded…" />;
  const current = state.status === 'ready' ? (state.value.get(session.user.email.toLowerCase()) ?? '') : '';
  const choose = (value: string): void => {
    const chosen = reminderDeliveries.find((d) => d === value);
    decision.run(confirmed[chosen ?? ''], () => session.reminderPreferences.set(session.user, chosen));
  };
  return (
    <div>
      <Field label="Remind me by" hint={state.status === 'error' ? `Your choice could not be read: ${state.error.message}` : undefined}>
        <Select value={current} disabled={decision.busy || state.status === 'error'} onChange={(_, d) => choose(d.value)}>
          {(['', ...reminderDeliveries] as const).map((d) => (
            <option key={d} value={d}>
              {words[d]}
            </option>
          ))}
        </Select>
      </Field>
      <DecisionMessage message={decision.message} />
    </div>
  );
}
