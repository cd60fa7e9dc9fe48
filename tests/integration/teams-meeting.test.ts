import { describe, expect, it } from 'vitest';
import { itemOnStage, linkTeamsMeeting, meetingInTeams, putOnStage, runsTheMeeting } from '../../src/application/panel/teams-meeting';
import { recordClosureDecision } from '../../src/application/panel/panel-decisions';
import type { Actor } from '../../src/application/shared/actor';
import { agendaKey } from '../../src/domain';
import { coordinator, owner } from '../support/emulator-harness';
import { issueTestPaper, julyAndOctober, putToPanel, useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const chat = '19:meeting_panel-july@thread.v2';

describe('a panel meeting held in a Teams meeting, against the emulator', () => {
  const env = useProvisionedEmulator();

  it('links one Teams meeting to one panel meeting, walks its issued paper, and keeps the stage where the coordinator put it', async () => {
    const { july, october } = await julyAndOctober(env);
    const [first, second] = [await putToPanel(env, '9.1'), await putToPanel(env, '9.2')];
    await issueTestPaper(env, july.id, '2025-07-01');

    expect((await meetingInTeams(env.admin.store, '2025-07-15', chat)).linked).toBeUndefined();
    const owners: Actor = { email: owner, name: 'Priya Anand', role: 'owner' };
    await expect(linkTeamsMeeting(env.admin.store, [july, october], july.id, chat, owners, new Date())).rejects.toThrow('links a Teams meeting');

    // Linked to October by mistake, then to July: the chat holds July alone.
    await linkTeamsMeeting(env.admin.store, [july, october], october.id, chat, casey, new Date());
    const before = (await meetingInTeams(env.admin.store, '2025-07-15', chat)).meetings;
    await linkTeamsMeeting(env.admin.store, before, july.id, chat, casey, new Date());
    const held = await meetingInTeams(env.admin.store, '2025-07-15', chat);
    expect(held.linked?.meeting.id).toBe(july.id);
    expect(held.meetings.find((m) => m.id === october.id)?.teams).toBeUndefined();
    expect(runsTheMeeting(held.linked?.meeting, coordinator.toUpperCase())).toBe(true);
    expect(runsTheMeeting(held.linked?.meeting, owner)).toBe(false);
    const agenda = held.linked?.agenda ?? [];
    expect(agenda.map((i) => i.key).slice(0, 2)).toEqual([agendaKey('closures', first), agendaKey('closures', second)]);
    expect(agenda[0]).toMatchObject({ reference: expect.stringContaining('9.1'), decided: undefined });

    // Decided in the meeting: the item stays on the agenda, now with the panel's decision.
    await recordClosureDecision(env.admin.store, first, { kind: 'agree' }, { actor: casey, now: new Date('2025-07-15T14:01:00Z'), meetingId: july.id });
    const decided = (await meetingInTeams(env.admin.store, '2025-07-15', chat)).linked?.agenda ?? [];
    expect(decided.map((i) => i.key)).toEqual(agenda.map((i) => i.key));
    expect(decided[0]).toMatchObject({ decided: { kind: 'panelAgreeClosure' }, pending: undefined });

    const linked = held.linked?.meeting ?? july;
    await putOnStage(env.admin.store, linked, agendaKey('closures', second), casey, new Date());
    expect((await itemOnStage(env.admin.store, chat))?.key).toBe(agendaKey('closures', second));
    expect(await itemOnStage(env.admin.store, '19:meeting_another@thread.v2')).toBeUndefined();
    expect((await env.admin.store.recommendationDetail(first)).decisions.some((d) => d.kind === 'teamsMeetingLinked')).toBe(false);
  });

  it('applies a change to the link the store holds now, when another write came between its read and its write', async () => {
    const { july } = await julyAndOctober(env);
    await linkTeamsMeeting(env.admin.store, [july], july.id, chat, casey, new Date());
    // Two changes read the same version; the one whose write is refused applies itself again to the other's result.
    const append = (mark: string) =>
      env.admin.store.changeTeamsMeeting(
        july.id,
        (current) =>
          current && {
            ...current,
            onStage: { key: `${current.onStage?.key ?? ''}${mark}`, at: new Date().toISOString(), move: (current.onStage?.move ?? 0) + 1 },
          },
      );
    await Promise.all([append('a'), append('b')]);
    const key = (await itemOnStage(env.admin.store, chat))?.key ?? '';
    expect([...key].sort().join('')).toBe('ab');
    expect((await itemOnStage(env.admin.store, chat))?.move).toBe(2);
    // A meeting saved from an older read keeps its Teams link.
    await env.admin.store.saveMeeting({ title: july.title, date: july.date, updateDeadline: july.updateDeadline, cycle: july.cycle });
    expect((await itemOnStage(env.admin.store, chat))?.key).toBe(key);
  });
});
