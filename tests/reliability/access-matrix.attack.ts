import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lists } from '../../src/adapters/graph/list-schema';
import { coordinator, devToken, otherOwner, owner, panelMember, rawCall, siteOwner } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

type Role = 'coordinator' | 'owner' | 'otherOwner' | 'panel';
type Operation = 'read' | 'create' | 'edit own' | "edit another's" | 'delete own' | "delete another's";
const users: Record<Role, string> = { coordinator, owner, otherOwner, panel: panelMember };

/** What SharePoint answers, written out cell by cell: the permission model as docs/deploy.md states it. */
const coordinatorsOnly: Record<Role, Record<Operation, number>> = {
  coordinator: { read: 200, create: 201, 'edit own': 200, "edit another's": 200, 'delete own': 204, "delete another's": 204 },
  owner: { read: 200, create: 403, 'edit own': 403, "edit another's": 403, 'delete own': 403, "delete another's": 403 },
  otherOwner: { read: 200, create: 403, 'edit own': 403, "edit another's": 403, 'delete own': 403, "delete another's": 403 },
  panel: { read: 200, create: 403, 'edit own': 403, "edit another's": 403, 'delete own': 403, "delete another's": 403 },
};
/** Add, and edit only what you added: never delete, yours included. */
const ownOnly: Record<Operation, number> = { read: 200, create: 201, 'edit own': 200, "edit another's": 403, 'delete own': 403, "delete another's": 403 };
const hidden = { read: 404, create: 404, 'edit own': 404, "edit another's": 404, 'delete own': 404, "delete another's": 404 };
const expected: Record<Exclude<keyof typeof lists, 'evidence'>, Record<Role, Record<Operation, number>>> = {
  audits: coordinatorsOnly,
  recommendations: coordinatorsOnly,
  meetings: coordinatorsOnly,
  decisions: coordinatorsOnly,
  panelActions: coordinatorsOnly,
  reminders: { coordinator: coordinatorsOnly.coordinator, owner: hidden, otherOwner: hidden, panel: hidden },
  updates: {
    coordinator: coordinatorsOnly.coordinator,
    owner: ownOnly,
    otherOwner: ownOnly,
    panel: coordinatorsOnly.panel,
  },
  // Everyone writes their own reminder choice, and only theirs.
  preferences: { coordinator: coordinatorsOnly.coordinator, owner: ownOnly, otherOwner: ownOnly, panel: ownOnly },
};
/** Files: owners add, never replace; everyone reads. */
const evidence: Record<Role, Record<'read' | 'upload' | 'replace own' | "replace another's", number>> = {
  coordinator: { read: 200, upload: 201, 'replace own': 201, "replace another's": 201 },
  owner: { read: 200, upload: 201, 'replace own': 403, "replace another's": 403 },
  otherOwner: { read: 200, upload: 201, 'replace own': 403, "replace another's": 403 },
  panel: { read: 200, upload: 403, 'replace own': 403, "replace another's": 403 },
};

const keyField: Record<keyof typeof expected, string> = {
  audits: 'AuditKey',
  recommendations: 'RecKey',
  meetings: 'Cycle',
  decisions: 'IdempotencyKey',
  panelActions: 'ActionKey',
  reminders: 'ReminderKey',
  updates: 'IdempotencyKey',
  preferences: 'PersonEmail',
};

/** Every role × operation × list as raw Graph calls, with forged fields where a list takes them. */
export const accessMatrix = { cells: 0 };

describe('access matrix', () => {
  const given = useProvisionedEmulator();

  /** A new item's fields, forged where it matters: an update claiming another owner, a time in 2099, the coordinator's kind. */
  const fields = (list: keyof typeof expected): Record<string, unknown> => ({
    Title: 'matrix',
    [keyField[list]]: `matrix-${randomUUID()}`,
    ...(list === 'updates' ? { RecommendationId: '1', Kind: 'coordinatorNote', SubmittedAt: '2099-01-01T00:00:00Z', ProposesClosure: true } : {}),
  });

  it.each(Object.keys(expected) as (keyof typeof expected)[])('answers every role on %s exactly as the model says', async (list) => {
    const items = `/sites/root/lists/${lists[list].title}/items`;
    const create = async (user: string) => rawCall(given.emulator, user, 'POST', items, { fields: fields(list) });
    // Another person's item: the site owner's, which every role here meets as someone else's.
    const another = async () => (await create(siteOwner)).body.id as string;
    const theirs = await another();
    const seen: string[] = [];
    for (const [role, user] of Object.entries(users) as [Role, string][]) {
      const created = await create(user);
      const own = created.status === 201 ? (created.body.id as string) : theirs;
      const answers: Record<Operation, number> = {
        read: (await rawCall(given.emulator, user, 'GET', items)).status,
        create: created.status,
        'edit own': (await rawCall(given.emulator, user, 'PATCH', `${items}/${own}/fields`, { Title: 'edited' })).status,
        "edit another's": (await rawCall(given.emulator, user, 'PATCH', `${items}/${theirs}/fields`, { Title: 'edited' })).status,
        'delete own': (await rawCall(given.emulator, user, 'DELETE', `${items}/${own}`)).status,
        // A fresh one each time, so the item the next role edits is still there.
        "delete another's": (await rawCall(given.emulator, user, 'DELETE', `${items}/${await another()}`)).status,
      };
      expect(answers, `${role} on ${list}`).toEqual(expected[list][role]);
      seen.push(...Object.keys(answers));
    }
    accessMatrix.cells += seen.length;
  });

  it('answers every role on the evidence library exactly as the model says', async () => {
    const drive = (await rawCall(given.emulator, coordinator, 'GET', `/sites/root/lists/${lists.evidence.title}/drive`)).body.id as string;
    const put = async (user: string, path: string) =>
      (
        await fetch(`${given.emulator.graphBase}/drives/${drive}/root:/${encodeURI(path)}:/content`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${await devToken(given.emulator.origin, user)}` },
          body: 'evidence',
        })
      ).status;
    const theirs = `matrix/${randomUUID()}.txt`;
    await put(siteOwner, theirs);
    for (const [role, user] of Object.entries(users) as [Role, string][]) {
      const own = `matrix/${randomUUID()}.txt`;
      const upload = await put(user, own);
      const answers = {
        read: (await rawCall(given.emulator, user, 'GET', `/drives/${drive}/root/children`)).status,
        upload,
        'replace own': upload === 201 ? await put(user, own) : await put(user, theirs),
        "replace another's": await put(user, theirs),
      };
      expect(answers, `${role} on the evidence library`).toEqual(evidence[role]);
    }
    accessMatrix.cells += Object.keys(users).length * 4;
  });
});
