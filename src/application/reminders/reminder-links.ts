/**
 * Where a reminder's links go. In Teams: deep links to the personal tab (its entity id) with the recommendation
 * as the sub-entity; on the embedded default: the local app's own routes. An app an admin uploaded to the org
 * catalog gets a catalog id of its own, and a personal tab's deep link must name that one, not the manifest's.
 */
export function reminderLinks(target: { teamsAppId: string; catalogAppId?: string } | { appUrl: string }) {
  if ('teamsAppId' in target) {
    const appId = target.catalogAppId || target.teamsAppId;
    const entity = (subEntityId?: string): string =>
      `https://teams.microsoft.com/l/entity/${appId}/myrecommendations${subEntityId ? `?context=${encodeURIComponent(JSON.stringify({ subEntityId }))}` : ''}`;
    return { recommendation: (id: string) => entity(id), myRecommendations: entity(), register: entity() };
  }
  const base = target.appUrl.replace(/\/$/, '');
  return {
    recommendation: (id: string) => `${base}/#/recommendations/${encodeURIComponent(id)}`,
    myRecommendations: `${base}/#/`,
    register: `${base}/#/register`,
  };
}
