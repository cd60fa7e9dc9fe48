import type { ActivityFeed, FeedNotification } from '../../application/ports';
import type { Person } from '../../domain';
import { statusOf, type GraphConnection } from './graph-client';
import { GraphUserIds } from './graph-user-ids';

/**
 * A chain id from the notification's key: Teams replaces a notification with the same chain id, so a retry
 * after a lost answer replaces the first rather than showing twice. 48 bits keep it a safe integer.
 */
async function chainIdOf(key: string): Promise<number> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
  return digest.slice(0, 6).reduce((n, byte) => n * 256 + byte, 0);
}

/**
 * Activity feed notifications through Graph (`TeamsActivity.Send`), with the app installed for people who lack
 * it (`TeamsAppInstallation.ReadWriteForUser`, or `.All` for the unattended job).
 */
export class GraphActivityFeed implements ActivityFeed {
  private readonly users: GraphUserIds;

  constructor(
    private readonly graph: GraphConnection,
    /** The app's id in the organisation's catalog (TEAMS_CATALOG_APP_ID), which installations name. */
    private readonly catalogAppId: string,
  ) {
    this.users = new GraphUserIds(graph);
  }

  async notify(recipient: Person, notification: FeedNotification): Promise<'sent' | 'notInstalled'> {
    // Someone not in the directory has no feed to reach: as for a missing app, the caller hears of them.
    const id = await this.users.idOf(recipient.email);
    if (!id) return 'notInstalled';
    try {
      await this.graph.client.api(`/users/${id}/teamwork/sendActivityNotification`).post({
        topic: { source: 'text', value: notification.previewText.slice(0, 60), webUrl: notification.link },
        activityType: notification.activityType,
        previewText: { content: notification.previewText },
        templateParameters: Object.entries(notification.parameters).map(([name, value]) => ({ name, value })),
        chainId: await chainIdOf(notification.key),
      });
      return 'sent';
    } catch (error) {
      // Graph answers 403 to a notification for someone the app is not installed for.
      if (statusOf(error) === 403) return 'notInstalled';
      throw error;
    }
  }

  async install(person: Person): Promise<'installed' | 'refused'> {
    const id = await this.users.idOf(person.email);
    if (!id) return 'refused';
    try {
      await this.graph.client
        .api(`/users/${id}/teamwork/installedApps`)
        .post({ 'teamsApp@odata.bind': `${this.graph.origin}/v1.0/appCatalogs/teamsApps/${this.catalogAppId}` });
      return 'installed';
    } catch (error) {
      const status = statusOf(error);
      // 409: installed meanwhile, which is what was wanted.
      if (status === 409) return 'installed';
      if (status === 403) return 'refused';
      throw error;
    }
  }
}
