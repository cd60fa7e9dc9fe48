import type { TokenResource } from '../../application/ports';

/**
 * The delegated permissions each caller asks for. The emulator refuses a call whose token lacks the scope Graph
 * would require, so a scope missing here fails the tests as it would fail in a tenant.
 */

/** The tab's Graph permissions; docs/deploy.md says why each is needed. */
export const graphScopes = [
  'User.Read',
  'User.ReadBasic.All',
  'Sites.ReadWrite.All',
  'Team.ReadBasic.All',
  'Channel.ReadBasic.All',
  'ChannelMessage.Read.All',
  'ChannelMessage.Send',
  'TeamsActivity.Send',
  'TeamsAppInstallation.ReadWriteForUser',
];

/** Scopes per resource: Graph, and SharePoint's own REST API where list permissions are set. */
export interface ResourceScopes {
  graph: readonly string[];
  sharepoint?: readonly string[];
}

/** The scopes declared for a resource; a sign-in asked for a resource it declared none for is a programming error. */
export function declaredScopes(scopes: ResourceScopes, resource: TokenResource): readonly string[] {
  const names = scopes[resource];
  if (!names) throw new Error(`No ${resource} scopes were declared for this sign-in`);
  return names;
}

/**
 * The command-line jobs run by a site owner: as the tab, but creating lists and columns needs Sites.Manage.All,
 * and breaking list permission inheritance needs full control through SharePoint's REST API.
 */
export const jobScopes: ResourceScopes = {
  graph: [...graphScopes.filter((scope) => scope !== 'Sites.ReadWrite.All'), 'Sites.Manage.All'],
  sharepoint: ['AllSites.FullControl'],
};
