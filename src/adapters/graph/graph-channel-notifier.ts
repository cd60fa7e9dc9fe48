import { z } from 'zod';
import type { ChannelMessage } from '../../application/ports';
import type { PostedMessage, TeamChannel } from '../../application/ports';
import type { Notifier } from '../../application/ports';
import type { Person } from '../../domain';
import { graphPath, retryUnlessMaybeDone, type GraphConnection } from './graph-client';
import { GraphUserIds } from './graph-user-ids';

const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** Posts a card as the signed-in coordinator through Graph (ChannelMessage.Send), with real @mentions. */
const messagesSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      createdDateTime: z.string(),
      from: z
        .object({
          user: z.object({ displayName: z.string().nullable().optional() }).nullable().optional(),
          application: z.object({ displayName: z.string().nullable().optional() }).nullable().optional(),
        })
        .nullable()
        .optional(),
      body: z.object({ content: z.string() }),
      attachments: z.array(z.object({ id: z.string().nullable().optional(), contentType: z.string(), content: z.string().nullable().optional() })).optional(),
    }),
  ),
  '@odata.nextLink': z.string().optional(),
});

/** A message's attachment id: a digest of its key, so a message carries its identity into the channel. */
async function cardId(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const channelMessagesPath = (teamId: string, channelId: string): string => `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/messages`;

/** How far back a retry looks for its own message: Graph's largest page of channel messages. */
const recentWindow = 50;
/** How far back a post of this run or the last one may be: reminders run daily. */
const lookBackDays = 3;
/** A bound on the pages read, so a channel of years never stalls a run. */
const maxPages = 40;

export class GraphChannelNotifier implements Notifier {
  private readonly users: GraphUserIds;
  private cardIds: Promise<Set<string>> | undefined;

  constructor(
    private readonly graph: GraphConnection,
    private readonly teamId: string,
    private readonly channelId: string,
  ) {
    this.users = new GraphUserIds(graph);
  }

  private get messagesPath(): string {
    return channelMessagesPath(this.teamId, this.channelId);
  }

  /**
   * The card ids among the channel's messages of the last days, read once and then kept up to date by our own
   * posts. Every page back to then: a flood of other messages must not push our own posts out of sight.
   */
  private postedCardIds(): Promise<Set<string>> {
    this.cardIds ??= (async () => {
      const since = new Date(Date.now() - lookBackDays * 86_400_000).toISOString();
      const ids = new Set<string>();
      let url: string | undefined = `${this.messagesPath}?$top=${recentWindow}`;
      for (let page = 0; url && page < maxPages; page++) {
        const body = messagesSchema.parse(await this.graph.client.api(graphPath(url)).get());
        for (const m of body.value) for (const a of m.attachments ?? []) if (a.id) ids.add(a.id);
        const oldest = body.value.at(-1)?.createdDateTime;
        url = oldest && oldest < since ? undefined : body['@odata.nextLink'];
      }
      return ids;
    })();
    return this.cardIds;
  }

  /**
   * Posts once: Graph messages take no idempotency key, so a post whose answer was lost (a timeout after the write)
   * is recognised by its card id before it is sent again, in this run or the next.
   */
  async post(message: ChannelMessage): Promise<'posted'> {
    const id = await cardId(message.key);
    const posted = await this.postedCardIds();
    if (posted.has(id)) return 'posted';
    const known = (await Promise.all(message.mentions.map(async (p) => ({ person: p, id: await this.users.idOf(p.email) })))).filter(
      (m): m is { person: Person; id: string } => m.id !== undefined,
    );
    const mentionHtml = known.map((m, i) => `<at id="${i}">${escape(m.person.name)}</at>`).join(', ');
    try {
      await this.graph.client
        .api(this.messagesPath)
        .middlewareOptions([retryUnlessMaybeDone()])
        .post({
          body: { contentType: 'html', content: `${mentionHtml ? `${mentionHtml}: ` : ''}${escape(message.summary)}<attachment id="${id}"></attachment>` },
          attachments: [{ id, contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(message.card) }],
          mentions: known.map((m, i) => ({
            id: i,
            mentionText: m.person.name,
            mentioned: { user: { id: m.id, displayName: m.person.name, userIdentityType: 'aadUser' } },
          })),
        });
    } catch (error) {
      // The write may have happened even though the answer failed: look again before any retry.
      this.cardIds = undefined;
      throw error;
    }
    posted.add(id);
    return 'posted';
  }
}

/** The channel as the tab shows it: recent messages with their cards, and the notifier that posts there. */
export class GraphTeamChannel implements TeamChannel {
  readonly notifier: GraphChannelNotifier;

  constructor(
    private readonly graph: GraphConnection,
    private readonly teamId: string,
    private readonly channelId: string,
    readonly isPrivate?: boolean,
  ) {
    this.notifier = new GraphChannelNotifier(graph, teamId, channelId);
  }

  async recent(): Promise<PostedMessage[]> {
    const body: unknown = await this.graph.client.api(`${channelMessagesPath(this.teamId, this.channelId)}?$top=20`).get();
    return messagesSchema.parse(body).value.map((m) => ({
      id: m.id,
      at: m.createdDateTime,
      from: m.from?.user?.displayName ?? m.from?.application?.displayName ?? 'Someone',
      byApplication: Boolean(m.from?.application),
      text: m.body.content.replace(/<attachment[^>]*><\/attachment>/g, '').replace(/<[^>]+>/g, ''),
      cards: (m.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content)
        .flatMap((a) => {
          try {
            return [JSON.parse(a.content ?? '') as unknown];
          } catch {
            return [];
          }
        }),
    }));
  }
}

const idsSchema = z.object({ value: z.array(z.object({ id: z.string() })) });
const channelSchema = z.object({ membershipType: z.string().nullable().optional() });

/** Whether a channel is private (or shared): Workflows cannot post there, though a member can through Graph. */
export async function channelIsPrivate(graph: GraphConnection, teamId: string, channelId: string): Promise<boolean> {
  const channel = channelSchema.parse(await graph.client.api(`/teams/${teamId}/channels/${encodeURIComponent(channelId)}`).get());
  return channel.membershipType === 'private' || channel.membershipType === 'shared';
}

/** A named team channel, or the first channel of the user's first team (the emulator's coordinators' channel). */
export async function teamChannel(graph: GraphConnection, team?: string, channel?: string, isPrivate?: boolean): Promise<GraphTeamChannel | undefined> {
  const teamId = team ?? idsSchema.parse(await graph.client.api('/me/joinedTeams').get()).value[0]?.id;
  if (!teamId) return undefined;
  const channelId = channel ?? idsSchema.parse(await graph.client.api(`/teams/${teamId}/channels`).get()).value[0]?.id;
  return channelId ? new GraphTeamChannel(graph, teamId, channelId, isPrivate) : undefined;
}
