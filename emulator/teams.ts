import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { badRequest, GraphError, notFound, ok, type EmuRequest, type Route } from './http';
import { timestamp, type Store } from './store';
import { scopesFor } from './scopes';

const messageSchema = z.object({
  body: z.object({ contentType: z.enum(['text', 'html']).optional(), content: z.string() }),
  subject: z.string().nullable().optional(),
  attachments: z
    .array(z.object({ id: z.string(), contentType: z.string(), content: z.string().nullable().optional(), name: z.string().nullable().optional() }))
    .optional(),
  mentions: z
    .array(
      z.object({
        id: z.number().int(),
        mentionText: z.string(),
        mentioned: z.object({ user: z.object({ id: z.string(), displayName: z.string().optional(), userIdentityType: z.string().optional() }) }),
      }),
    )
    .optional(),
});

/** Channel messages are capped near 28 KB in Teams; a post above that is refused as Teams refuses it. */
export const messageSizeLimit = 28 * 1024;

export function teamRoutes(store: Store): Route[] {
  const channel = (teamId: string, channelId: string): { id: string; team_id: string; name: string } => {
    const row = store.db.prepare('SELECT * FROM channels WHERE id = ? AND team_id = ?').get(channelId, teamId) as
      | { id: string; team_id: string; name: string }
      | undefined;
    if (!row) throw notFound(`Channel '${channelId}'`);
    return row;
  };
  const messageResource = (row: { id: string; body: string; created_by: string; created_at: string }): Record<string, unknown> => {
    const user = store.userByEmail(row.created_by);
    return {
      id: row.id,
      createdDateTime: row.created_at,
      from: { user: { id: user?.id, displayName: user?.name ?? row.created_by, userIdentityType: 'aadUser' } },
      ...(JSON.parse(row.body) as Record<string, unknown>),
    };
  };
  return [
    {
      method: 'GET',
      pattern: /^\/me\/joinedTeams$/,
      scopes: scopesFor.joinedTeams,
      handle: () => ok({ value: (store.db.prepare('SELECT * FROM teams').all() as { id: string; name: string; description: string }[]).map((t) => ({ id: t.id, displayName: t.name, description: t.description })) }),
    },
    {
      method: 'GET',
      pattern: /^\/teams\/([^/]+)\/channels$/,
      scopes: scopesFor.channels,
      handle: (_r, [teamId = '']) =>
        ok({ value: (store.db.prepare('SELECT * FROM channels WHERE team_id = ?').all(teamId) as { id: string; name: string }[]).map((c) => ({ id: c.id, displayName: c.name, membershipType: 'standard' })) }),
    },
    {
      method: 'POST',
      pattern: /^\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/,
      scopes: scopesFor.sendChannelMessage,
      handle: (r: EmuRequest, [teamId = '', channelId = '']) => {
        const target = channel(teamId, channelId);
        const parsed = messageSchema.safeParse(r.body);
        if (!parsed.success) throw badRequest(`Invalid chatMessage: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
        const body = JSON.stringify(parsed.data);
        if (Buffer.byteLength(body) > messageSizeLimit) {
          throw new GraphError(413, 'requestTooLarge', `The message is over the channel's ${messageSizeLimit / 1024} KB limit`);
        }
        const id = String(Date.now()) + randomUUID().slice(0, 4);
        const seq = store.nextSeq();
        store.db.prepare('INSERT INTO messages (id, channel_id, body, created_by, created_at, seq) VALUES (?, ?, ?, ?, ?, ?)').run(id, target.id, body, r.user.email, timestamp(), seq);
        const row = store.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as { id: string; body: string; created_by: string; created_at: string };
        return ok(messageResource(row), 201);
      },
    },
    {
      method: 'GET',
      pattern: /^\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/,
      scopes: scopesFor.readChannelMessages,
      handle: (r, [teamId = '', channelId = '']) => {
        const target = channel(teamId, channelId);
        const top = Math.min(Number(r.query.get('$top') ?? 20) || 20, 50);
        const rows = store.db.prepare('SELECT * FROM messages WHERE channel_id = ? ORDER BY seq DESC LIMIT ?').all(target.id, top) as {
          id: string;
          body: string;
          created_by: string;
          created_at: string;
        }[];
        return ok({ value: rows.map(messageResource) });
      },
    },
  ];
}
