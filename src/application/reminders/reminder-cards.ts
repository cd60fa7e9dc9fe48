import type { AdaptiveCard, ChannelMessage, FeedNotification } from '../ports';
import { longDate, priorities, priorityColour, type Person, type ReminderItem, type ReminderPlan, type ReminderStep, type ReminderUnit } from '../../domain';

/** Teams refuses a channel message above about 28 KB; cards are split well below it. */
export const cardByteLimit = 24 * 1024;

const stepWords: Record<string, string> = {
  request: 'Your quarterly update is requested',
  reminder: 'Reminder: your update is due in a week',
  due: 'Your update is due today',
  'target-soon': 'A target date is coming up',
  'target-passed': 'A target date has passed',
  chase: 'The audit team asks for your update',
};
const describeStep = (step: ReminderStep): string => stepWords[step] ?? 'Your update is overdue';

/** Teams resolves `<at>Name</at>` in a card through these entities (by email for Workflows posts). */
const mentionEntities = (people: readonly Person[]) => ({
  entities: people.map((p) => ({ type: 'mention', text: `<at>${p.name}</at>`, mentioned: { id: p.email, name: p.name } })),
});

const card = (body: unknown[], actions: unknown[] = [], mentioned: readonly Person[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  version: '1.5',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  body,
  ...(actions.length > 0 ? { actions } : {}),
  ...(mentioned.length > 0 ? { msteams: mentionEntities(mentioned) } : {}),
});

/**
 * Data as card text: Teams reads a TextBlock as markdown, so a title like `Payroll](https://evil.example) [`
 * would become a link. Every markdown character is escaped, and "://" is broken with a word joiner so Teams
 * does not turn a pasted address into a link either. Only the tracker's own links are live, as actions.
 */
export const cardText = (text: string): string => text.replace(/[\\`*_{}[\]()<>#+!|~-]/g, (c) => `\\${c}`).replace(/:\/\//g, ':\u2060//');

const size = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).byteLength;

/** Splits rows into as many cards as needed to keep each under the limit. */
function splitCards(header: (part: number, parts: number) => unknown[], rows: unknown[], actions: unknown[], mentioned: readonly Person[]): AdaptiveCard[] {
  const groups: unknown[][] = [[]];
  for (const row of rows) {
    const current = groups.at(-1) ?? [];
    if (current.length > 0 && size(card([...header(99, 99), ...current, row], actions, mentioned)) > cardByteLimit) groups.push([row]);
    else current.push(row);
  }
  return groups.map((group, i) => card([...header(i + 1, groups.length), ...group], actions, mentioned));
}

/** "Vetting 4.3 Appeals turnaround": an item as people name it, its audit first, so one owner's lines differ. */
export const itemName = (item: Pick<ReminderItem, 'audit' | 'reference' | 'title'>): string =>
  [item.audit, item.reference, item.title].filter(Boolean).join(' ');

/** One item: its text escaped, its link the container's action, so no data ever sits inside link markup. */
const itemRow = (item: ReminderItem, link: (id: string) => string): unknown => {
  const line = `${itemName(item)} – ${item.priority} priority, due ${longDate(item.due)}`;
  return {
    type: 'Container',
    // The link's name is the line it shows, so what a screen reader says is what a sighted user reads.
    selectAction: { type: 'Action.OpenUrl', title: line, url: link(item.recommendationId) },
    items: [{ type: 'TextBlock', wrap: true, color: 'Accent', text: cardText(line) }],
  };
};

/** One owner's reminder: every outstanding item with a link into the tab; split if it is very long. */
/** What an owner's reminder says in one line. Teams puts the sender (and a mention) before it, so it does not name the owner. */
function ownerSummary(units: readonly ReminderUnit[]): string {
  const items = units.flatMap((u) => u.items);
  return `${items.length === 1 ? 'An audit recommendation needs' : `${items.length} audit recommendations need`} you: ${[...new Set(items.map(itemName))].slice(0, 3).join('; ')}${items.length > 3 ? '…' : ''}`;
}

/**
 * The owner's reminder as one activity-feed notification: the same line as the card's preview, opening the one
 * item it is about, or their recommendations when it is about several.
 */
export function ownerFeedNotification(
  plan: ReminderPlan,
  units: readonly ReminderUnit[],
  links: { recommendation: (id: string) => string; myRecommendations: string },
): FeedNotification {
  const items = [...new Map(units.flatMap((u) => u.items).map((i) => [i.recommendationId, i])).values()];
  const only = items.length === 1 ? items[0] : undefined;
  return {
    key: `${units.map((u) => u.key).join('+')}:feed`,
    activityType: 'updateDue',
    parameters: { count: String(items.length), deadline: plan.meeting ? longDate(plan.meeting.updateDeadline) : 'the next panel' },
    previewText: ownerSummary(units),
    link: only ? links.recommendation(only.recommendationId) : links.myRecommendations,
  };
}

export function ownerMessages(owner: Person, units: readonly ReminderUnit[], link: (id: string) => string, openTab: string): ChannelMessage[] {
  const rows = units.flatMap((unit) => [
    { type: 'TextBlock', weight: 'Bolder', wrap: true, text: describeStep(unit.step) },
    ...unit.items.map((i) => itemRow(i, link)),
  ]);
  const cards = splitCards(
    (part, parts) => [
      {
        type: 'TextBlock',
        size: 'Medium',
        weight: 'Bolder',
        wrap: true,
        text: `<at>${owner.name}</at>, audit recommendations need you${parts > 1 ? ` (${part} of ${parts})` : ''}`,
      },
    ],
    rows,
    [{ type: 'Action.OpenUrl', title: 'Open my recommendations', url: openTab }],
    [owner],
  );
  const key = units.map((u) => u.key).join('+');
  const summary = ownerSummary(units);
  return cards.map((c, i) => ({
    key: `${key}#${i + 1}`,
    summary,
    card: c,
    mentions: [owner],
  }));
}

/**
 * The coordinators' digest of a run that sent or failed something (a run with nothing to do posts nothing). It names
 * who still owes what, by title, without mentioning them: they had their own reminders. `runKey` names the run.
 */
export function digestMessages(
  plan: ReminderPlan,
  sent: number,
  failed: number,
  openRegister: string,
  runKey: string,
  /** Owners whose feed could not be reached: the app is not installed for them and could not be. */
  withoutApp: readonly Person[] = [],
): ChannelMessage[] {
  if (sent === 0 && failed === 0 && withoutApp.length === 0) return [];
  const items = plan.outstanding.flatMap((o) => o.items);
  const unique = new Map(items.map((i) => [i.recommendationId, i]));
  const byPriority = priorities.map((p) => `${priorityColour[p]} ${p}: ${[...unique.values()].filter((i) => i.priority === p).length}`).join(' · ');
  const headline = !plan.meeting
    ? 'No panel meeting is scheduled: no updates are being chased.'
    : plan.outstanding.length === 0
      ? `Everyone is up to date for ${plan.meeting.cycle}.`
      : `${plan.outstanding.length} owner(s) still owe ${unique.size} update(s) for ${plan.meeting.cycle}; the deadline is ${longDate(plan.meeting.updateDeadline)} (${plan.daysToDeadline} day(s)).`;
  const header = (part: number, parts: number): unknown[] => [
    {
      type: 'TextBlock',
      size: 'Medium',
      weight: 'Bolder',
      wrap: true,
      text: `Reminder run ${longDate(plan.today)}${parts > 1 ? ` (${part} of ${parts})` : ''}`,
    },
    { type: 'TextBlock', wrap: true, text: headline },
    ...(unique.size > 0 ? [{ type: 'TextBlock', wrap: true, text: byPriority }] : []),
    { type: 'TextBlock', wrap: true, isSubtle: true, text: `${sent} reminder(s) sent this run${failed > 0 ? `, ${failed} failed and will be retried` : ''}.` },
    ...(withoutApp.length > 0
      ? [
          {
            type: 'TextBlock',
            wrap: true,
            color: 'Attention',
            text: `Not reached in their activity feed, because Audit Tracker is not installed for them and could not be, or they are not in the directory: ${withoutApp.map((p) => cardText(p.name)).join(', ')}. Install the app for them (Teams admin centre, or ask them to add it), or remind them in the channel; they are tried again next run.`,
          },
        ]
      : []),
  ];
  const rows = plan.outstanding.map((o) => ({
    type: 'TextBlock',
    wrap: true,
    text: `${cardText(o.owner.name)}: ${o.items.map((i) => cardText(itemName(i))).join('; ')}`,
  }));
  return splitCards(header, rows, [{ type: 'Action.OpenUrl', title: 'Open the register', url: openRegister }], []).map((c, i) => ({
    key: `digest:${runKey}#${i + 1}`,
    summary: `Reminder run ${longDate(plan.today)}: ${headline}`,
    card: c,
    mentions: [],
  }));
}
