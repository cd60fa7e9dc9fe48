import { meetingAgenda, meetingForChat, type AgendaItem, type Meeting, type PanelPaper, type TeamsMeetingLink } from '../../domain';
import type { AuditTrail, PaperData, RecommendationStore, RecommendationWriter } from '../ports';
import { meetingSubject } from '../coordinator/audits-and-meetings';
import { requireCoordinator, type Actor } from '../shared/actor';
import { loadPaperData } from '../shared/paper-data';
import { paperForMeeting } from './meeting-paper';

/**
 * A panel meeting held as a Teams meeting: which panel meeting the Teams meeting (its chat) is linked to, its paper
 * walked item by item, and the item the coordinator has put on the meeting's stage.
 */
export interface MeetingInTeams {
  data: PaperData;
  /** Every panel meeting, soonest first: those a Teams meeting may be linked to. */
  meetings: Meeting[];
  /** The linked panel meeting, its paper and the walk through it; undefined while the Teams meeting is not linked. */
  linked?: { meeting: Meeting; paper: PanelPaper; agenda: AgendaItem[] };
}

const soonestFirst = (meetings: readonly Meeting[]): Meeting[] => [...meetings].sort((a, b) => a.date.localeCompare(b.date));

/** The panel meetings a Teams meeting may be linked to, soonest first, and the one it is: no paper needed to choose. */
export async function meetingsToLink(store: RecommendationStore, chatId: string): Promise<{ meetings: Meeting[]; linked?: Meeting }> {
  const meetings = soonestFirst(await store.meetings());
  return { meetings, linked: meetingForChat(meetings, chatId) };
}

export async function meetingInTeams(store: RecommendationStore, today: string, chatId: string): Promise<MeetingInTeams> {
  const data = await loadPaperData(store, today);
  const meetings = soonestFirst(data.meetings);
  const meeting = meetingForChat(meetings, chatId);
  if (!meeting) return { data, meetings };
  const paper = paperForMeeting(data, meeting.id);
  return { data, meetings, linked: { meeting, paper, agenda: meetingAgenda(paper, data.recommendations, data.decisions) } };
}

/** The person who runs the meeting from the side panel: the coordinator who linked it. Everyone else follows, read-only. */
export const runsTheMeeting = (meeting: Meeting | undefined, email: string): boolean => meeting?.teams?.linkedBy.email.toLowerCase() === email.toLowerCase();

/**
 * Links a Teams meeting to a panel meeting, and unlinks it from any other: one Teams meeting holds one panel
 * meeting. Recorded in the trail under the meeting.
 */
export async function linkTeamsMeeting(
  store: RecommendationWriter & AuditTrail,
  meetings: readonly Meeting[],
  meetingId: string,
  chatId: string,
  actor: Actor,
  now: Date,
): Promise<Meeting> {
  requireCoordinator(actor, 'links a Teams meeting to a panel meeting');
  for (const other of meetings.filter((m) => m.id !== meetingId && m.teams?.chatId === chatId))
    await store.changeTeamsMeeting(other.id, (current) => (current?.chatId === chatId ? undefined : current));
  const at = now.toISOString();
  const saved = await store.changeTeamsMeeting(meetingId, () => ({ chatId, linkedBy: { email: actor.email, name: actor.name }, linkedAt: at }));
  await store.recordDecision({
    recommendationId: meetingSubject(saved.id),
    meetingId: saved.id,
    kind: 'teamsMeetingLinked',
    actor: actor.email,
    at,
    detail: `${saved.title} is held in a Teams meeting, run by ${actor.name}`,
    idempotencyKey: `${meetingSubject(saved.id)}:teams:${chatId}:${at}`,
  });
  return saved;
}

/** The coordinator moves the meeting's stage to an item: everyone's stage follows. */
export async function putOnStage(store: RecommendationWriter, meeting: Meeting, key: string, actor: Actor, now: Date): Promise<Meeting> {
  requireCoordinator(actor, "chooses what the meeting's stage shows");
  return store.changeTeamsMeeting(meeting.id, (current) => {
    if (!current) throw new Error(`${meeting.title} is no longer linked to this Teams meeting`);
    return { ...current, onStage: { key, at: now.toISOString(), move: (current.onStage?.move ?? 0) + 1 } };
  });
}

/**
 * The item on the stage of the panel meeting a Teams meeting is linked to, and which move put it there (a decision
 * puts it there again, so the stage shows the decision), read from the meetings alone: the stage asks often.
 */
export async function itemOnStage(store: RecommendationStore, chatId: string): Promise<TeamsMeetingLink['onStage']> {
  return meetingForChat(await store.meetings(), chatId)?.teams?.onStage;
}
