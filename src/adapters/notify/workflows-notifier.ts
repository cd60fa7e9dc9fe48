import type { ChannelMessage } from '../../application/ports';
import type { Notifier } from '../../application/ports';

/**
 * Posts an Adaptive Card to a Teams channel through a Workflows (Power Automate) webhook: the way an unattended
 * job posts now that Office 365 connectors are retired. The URL is a secret (env/.env.<env>.user).
 */
export class WorkflowsNotifier implements Notifier {
  constructor(
    private readonly webhookUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async post(message: ChannelMessage): Promise<void> {
    const response = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        summary: message.summary,
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: message.card }],
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`The Workflows webhook answered ${response.status}${response.status === 429 ? ' (throttled)' : ''}`);
  }
}
