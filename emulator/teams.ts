import { z } from 'zod';
import { badRequest, GraphError, notFound, ok, type EmuRequest, type Route } from './http';
import type { UserRow, ChannelRow, MessageRow, Store } from './store';
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
  // The emulator's one team is the audit team: its coordinators and the panel are members, owners are not.
  // Graph answers a non-member as it answers a team that does not exist for them.
  const isMember = (user: UserRow): boolean => user.role !== 'owner' || user.siteOwner === true;
  const requireMember = (user: UserRow, teamId: string): void => {
    if (!isMember(user)) throw notFound(`Team '${teamId}'`);
  };
  const channel = (teamId: string, channelId: string, user: UserRow): ChannelRow => {
    requireMember(user, teamId);
    const row = store.channel(teamId, channelId);
    if (!row) throw notFound(`Channel '${channelId}'`);
    return row;
  };
  const channelResource = (c: ChannelRow) => ({ id: c.id, displayName: c.name, membershipType: store.isPrivateChannel(c.id) ? 'private' : 'standard' });
  const messageResource = (row: MessageRow): Record<string, unknown> => {
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
      handle: (r) => ok({ value: isMember(r.user) ? store.teams().map((t) => ({ id: t.id, displayName: t.name, description: t.description })) : [] }),
    },
    {
      method: 'GET',
      pattern: /^\/teams\/([^/]+)\/channels$/,
      scopes: scopesFor.channels,
      handle: (r, [teamId = '']) => {
        requireMember(r.user, teamId);
        return ok({ value: store.channels(teamId).map(channelResource) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/teams\/([^/]+)\/channels\/([^/]+)$/,
      scopes: scopesFor.channels,
      handle: (r, [teamId = '', channelId = '']) => ok(channelResource(channel(teamId, decodeURIComponent(channelId), r.user))),
    },
    {
      method: 'POST',
      pattern: /^\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/,
      scopes: scopesFor.sendChannelMessage,
      handle: (r: EmuRequest, [teamId = '', channelId = '']) => {
        const target = channel(teamId, channelId, r.user);
        const parsed = messageSchema.safeParse(r.body);
        if (!parsed.success) throw badRequest(`Invalid chatMessage: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
        const body = JSON.stringify(parsed.data);
        if (Buffer.byteLength(body) > messageSizeLimit) {
          throw new GraphError(413, 'requestTooLarge', `The message is over the channel's ${messageSizeLimit / 1024} KB limit`);
        }
        const row = store.addMessage(target.id, body, r.user.email);
        return ok(messageResource(row), 201);
      },
    },
    {
      method: 'GET',
      pattern: /^\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/,
      scopes: scopesFor.readChannelMessages,
      handle: (r, [teamId = '', channelId = '']) => {
        const target = channel(teamId, channelId, r.user);
        const top = Math.min(Number(r.query.get('$top') ?? 20) || 20, 50);
        const skip = Number(r.query.get('$skiptoken') ?? 0) || 0;
        const rows = store.messages(target.id, top, skip);
        const more = store.messages(target.id, 1, skip + top).length > 0;
        const next = `${r.base}/teams/${teamId}/channels/${encodeURIComponent(channelId)}/messages?$top=${top}&$skiptoken=${skip + top}`;
        return ok({ value: rows.map(messageResource), ...(more ? { '@odata.nextLink': next } : {}) });
      },
    },
  ];
}
