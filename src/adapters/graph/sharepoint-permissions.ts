import { z } from 'zod';
import type { TokenProvider } from '../../application/ports';
import { retrying, RetryLater, waitForRetryAfter } from '../../application/shared/retry';
import type { Access } from './list-schema';

/** The SharePoint groups that stand for the app's roles on the site (created by the admin, see docs/deploy.md). */
export const roleGroups = {
  coordinator: 'Audit Tracker Coordinators',
  // Not "Audit Tracker Owners": SharePoint names a site's own Full Control group "<site title> Owners".
  owner: 'Audit Tracker Recommendation Owners',
  panel: 'Audit Tracker Panel',
} as const;

/** SharePoint's own levels the lists use, by their fixed ids. */
const builtInLevels = { edit: 1073741830, read: 1073741826 } as const;

/**
 * SharePoint base permissions (SPBasePermissions). Read's own, plus what each custom level adds: what a
 * tenant enforces for owners is exactly this, and the app checks the rest (docs/deploy.md).
 */
const readBits = 0x1 | 0x20 | 0x40 | 0x1000 | 0x10000 | 0x20000 | 0x4000000 | 0x8000000; // view items, open, versions, forms, pages, browse
const addListItems = 0x2;
const editListItems = 0x4;
/** High word: client integration, remote APIs (REST and Graph), alerts, as Read has. */
const readHigh = 0xb0;

/** The custom levels provisioning creates: owners add and edit their own updates but never delete; add evidence, never replace it. */
export const customLevels = {
  contributeOwn: { Name: 'Audit Tracker Contribute without delete', Low: readBits | addListItems | editListItems },
  addOnly: { Name: 'Audit Tracker Add only', Low: readBits | addListItems },
} as const;

const fullControl = 1073741829;
const ownerGroupSchema = z.object({ Id: z.number() });

const roleDefinitionsSchema = z.object({ value: z.array(z.object({ Id: z.number(), Name: z.string() })) });

const retryable = new Set([429, 503, 504]);
const maxAttempts = 10;

const groupsSchema = z.object({ value: z.array(z.object({ Id: z.number(), Title: z.string() })) });

/**
 * List permissions through SharePoint REST, which Graph does not cover: unique permissions per list, a role per
 * group, and item-level write security ("users edit only their own items") where owners contribute.
 */
export class SharePointPermissions {
  private levels: Promise<Record<Exclude<Access, 'none'>, number>> | undefined;
  private siteOwners: Promise<number> | undefined;

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

  /** The id of each level the lists use, creating the custom ones the first time. */
  private async levelIds(): Promise<Record<Exclude<Access, 'none'>, number>> {
    const named = async (name: string): Promise<number | undefined> =>
      roleDefinitionsSchema.parse(await this.call('/web/roledefinitions', { method: 'GET' })).value.find((d) => d.Name === name)?.Id;
    const ensure = async (level: (typeof customLevels)[keyof typeof customLevels]): Promise<number> => {
      const found = await named(level.Name);
      if (found !== undefined) return found;
      const body = JSON.stringify({
        Name: level.Name,
        Description: 'Created by Audit Tracker provisioning',
        BasePermissions: { High: String(readHigh), Low: String(level.Low) },
      });
      try {
        return roleDefinitionsSchema.shape.value.element.parse(await this.call('/web/roledefinitions', { body })).Id;
      } catch (error) {
        // Creating is not idempotent: a retry after a lost answer meets the level its first attempt made.
        const made = await named(level.Name);
        if (made === undefined) throw error;
        return made;
      }
    };
    return { ...builtInLevels, contributeOwn: await ensure(customLevels.contributeOwn), addOnly: await ensure(customLevels.addOnly) };
  }

  async apply(listId: string, access: Record<keyof typeof roleGroups, Access>, template: 'genericList' | 'documentLibrary' = 'genericList'): Promise<void> {
    const groups = groupsSchema.parse(await this.call('/web/sitegroups', { method: 'GET' })).value;
    this.levels ??= this.levelIds();
    const roleDefinitionIds = await this.levels;
    const list = `/web/lists(guid'${listId}')`;
    await this.call(`${list}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`);
    // The site's owners keep Full Control of every list, so provisioning can run again after this.
    this.siteOwners ??= this.call('/web/associatedownergroup?$select=Id', { method: 'GET' }).then((body) => ownerGroupSchema.parse(body).Id);
    await this.call(`${list}/roleassignments/addroleassignment(principalid=${await this.siteOwners},roledefid=${fullControl})`);
    for (const role of Object.keys(roleGroups) as (keyof typeof roleGroups)[]) {
      const level = access[role];
      if (level === 'none') continue;
      const group = groups.find((g) => g.Title === roleGroups[role]);
      if (!group) throw new Error(`The site has no SharePoint group '${roleGroups[role]}': create it first (docs/deploy.md)`);
      await this.call(`${list}/roleassignments/addroleassignment(principalid=${group.Id},roledefid=${roleDefinitionIds[level]})`);
    }
    // Lists: item-level write security where owners contribute. Libraries: versioning, so no version is ever lost.
    const ownOnly = Object.values(access).includes('contributeOwn');
    const settings = template === 'documentLibrary' ? { EnableVersioning: true } : { WriteSecurity: ownOnly ? 2 : 1 };
    await this.call(list, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body: JSON.stringify(settings) });
  }
}
