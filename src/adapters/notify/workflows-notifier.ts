import { z } from 'zod';
import type { ChannelMessage } from '../../application/ports';

const mentionsSchema = z.looseObject({
  entities: z.array(z.looseObject({ type: z.string(), text: z.string(), mentioned: z.looseObject({ id: z.string(), name: z.string() }) })),
});
import type { Notifier } from '../../application/ports';

/**
 * Posts an Adaptive Card to a Teams channel through a Workflows (Power Automate) webhook: the way an unattended
 * job posts now that Office 365 connectors are retired. The URL is a secret (env/.env.<env>.user).
 */
export class WorkflowsNotifier implements Notifier {
  constructor(
    private readonly webhookUrl: string,
    /** Directory object ids by mail: a Workflows card's @mention must name the person's id or UPN, not mail. */
    private readonly userIds?: { idOf(email: string): Promise<string | undefined> },
    private readonly timeoutMs = 15_000,
  ) {}

  /** The card with each mention naming the person's object id where the directory knows it. */
  private async withMentionIds(card: ChannelMessage['card']): Promise<ChannelMessage['card']> {
    const mentions = mentionsSchema.safeParse(card.msteams);
    if (!mentions.success || !this.userIds) return card;
    const lookup = this.userIds;
    const entities = await Promise.all(
      mentions.data.entities.map(async (e) => ({ ...e, mentioned: { ...e.mentioned, id: (await lookup.idOf(e.mentioned.id)) ?? e.mentioned.id } })),
    );
    return { ...card, msteams: { ...mentions.data, entities } };
  }

  async post(message: ChannelMessage): Promise<'posted' | 'accepted'> {
    const response = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        summary: message.summary,
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: await this.withMentionIds(message.card) }],
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`The Workflows webhook answered ${response.status}${response.status === 429 ? ' (throttled)' : ''}`);
    // 202: queued for a flow that has not run yet; only a flow that answers after posting confirms it (200).
    return response.status === 202 ? 'accepted' : 'posted';
  }
}
