/**
 * Where a reminder's links go. In Teams: an item opens in Stageview beside the conversation (a stage deep link
 * to the tab's page for it), when the tab's address is known; otherwise, and for the lists, deep links to the
 * personal tab (its entity id) with the recommendation as the sub-entity. On the embedded default: the local
 * app's own routes. An app an admin uploaded to the org catalog gets a catalog id of its own, and deep links
 * must name that one, not the manifest's.
 */
export function reminderLinks(target: { teamsAppId: string; catalogAppId?: string; tabEndpoint?: string } | { appUrl: string }) {
  if ('teamsAppId' in target) {
    const appId = target.catalogAppId || target.teamsAppId;
    const entity = (subEntityId?: string): string =>
      `https://teams.microsoft.com/l/entity/${appId}/myrecommendations${subEntityId ? `?context=${encodeURIComponent(JSON.stringify({ subEntityId }))}` : ''}`;
    const endpoint = target.tabEndpoint?.replace(/\/$/, '');
    const stage = (id: string): string => {
      const page = `${endpoint}/index.html#/recommendations/${encodeURIComponent(id)}`;
      const context = { contentUrl: page, websiteUrl: page, name: 'Audit recommendation', openMode: 'popoutWithChat' };
      return `https://teams.microsoft.com/l/stage/${appId}/0?context=${encodeURIComponent(JSON.stringify(context))}`;
    };
    return { recommendation: (id: string) => (endpoint ? stage(id) : entity(id)), myRecommendations: entity(), register: entity() };
  }
  const base = target.appUrl.replace(/\/$/, '');
  return {
    recommendation: (id: string) => `${base}/#/recommendations/${encodeURIComponent(id)}`,
    myRecommendations: `${base}/#/`,
    register: `${base}/#/register`,
  };
}

/**
 * The personal tab's deep link for a stage link's item: Teams mobile shows no Stageview, so there an item opens
 * in the personal tab instead. Undefined for any other link.
 */
export function personalTabFor(link: string): string | undefined {
  const stage = /^https:\/\/teams\.microsoft\.com\/l\/stage\/([^/]+)\/0\?context=(.+)$/.exec(link);
  if (!stage) return undefined;
  try {
    const { contentUrl } = JSON.parse(decodeURIComponent(stage[2] ?? '')) as { contentUrl?: string };
    const id = /#\/recommendations\/([^/?#]+)/.exec(contentUrl ?? '')?.[1];
    if (!id) return undefined;
    return `https://teams.microsoft.com/l/entity/${stage[1]}/myrecommendations?context=${encodeURIComponent(JSON.stringify({ subEntityId: decodeURIComponent(id) }))}`;
  } catch {
    return undefined;
  }
}
