import { z } from 'zod';
import type { TokenProvider } from '../../application/ports';
import { retrying, RetryLater, waitForRetryAfter } from '../../application/shared/retry';
import type { Access } from './list-schema';

/** The SharePoint groups that stand for the app's roles on the site (created by the admin, see docs/deploy.md). */
export const roleGroups = {
  coordinator: 'Audit Tracker Coordinators',
  owner: 'Audit Tracker Owners',
  panel: 'Audit Tracker Panel',
} as const;

const roleDefinitionIds: Record<Exclude<Access, 'none'>, number> = {
  edit: 1073741830,
  contribute: 1073741827,
  contributeOwn: 1073741827,
  read: 1073741826,
};

const retryable = new Set([429, 503, 504]);
const maxAttempts = 10;

const groupsSchema = z.object({ value: z.array(z.object({ Id: z.number(), Title: z.string() })) });

/**
 * List permissions through SharePoint REST, which Graph does not cover: unique permissions per list, a role per
 * group, and item-level write security ("users edit only their own items") where owners contribute.
 */
export class SharePointPermissions {
  constructor(
    private readonly siteUrl: string,
    private readonly tokens: TokenProvider,
  ) {}

  /** One SharePoint REST call, retried when throttled (every call here is idempotent). */
  private call(path: string, init: RequestInit = {}): Promise<unknown> {
    return retrying(async (attempt) => {
      const response = await fetch(`${this.siteUrl.replace(/\/$/, '')}/_api${path}`, {
        method: 'POST',
        ...init,
        headers: {
          Authorization: `Bearer ${await this.tokens.getToken('sharepoint')}`,
          Accept: 'application/json;odata=nometadata',
          'Content-Type': 'application/json;odata=nometadata',
          ...init.headers,
        },
      });
      if (response.ok) return response.status === 204 ? undefined : response.json().catch(() => undefined);
      const message = `SharePoint ${path} answered ${response.status}: ${await response.text()}`;
      if (!retryable.has(response.status)) throw new Error(message);
      throw new RetryLater(message, Number(response.headers.get('Retry-After') ?? attempt) || 0);
    }, waitForRetryAfter(maxAttempts));
  }

  async apply(listId: string, access: Record<keyof typeof roleGroups, Access>): Promise<void> {
    const groups = groupsSchema.parse(await this.call('/web/sitegroups', { method: 'GET' })).value;
    const list = `/web/lists(guid'${listId}')`;
    await this.call(`${list}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`);
    for (const role of Object.keys(roleGroups) as (keyof typeof roleGroups)[]) {
      const level = access[role];
      if (level === 'none') continue;
      const group = groups.find((g) => g.Title === roleGroups[role]);
      if (!group) throw new Error(`The site has no SharePoint group '${roleGroups[role]}': create it first (docs/deploy.md)`);
      await this.call(`${list}/roleassignments/addroleassignment(principalid=${group.Id},roledefid=${roleDefinitionIds[level]})`);
    }
    const ownOnly = Object.values(access).includes('contributeOwn');
    await this.call(list, { headers: { 'X-HTTP-Method': 'MERGE' }, body: JSON.stringify({ WriteSecurity: ownOnly ? 2 : 1 }) });
  }
}
