/**
 * Where a reminder's links go. In Teams: deep links to the personal tab (its entity id) with the recommendation
 * as the sub-entity; on the embedded default: the local app's own routes.
 */
export function reminderLinks(target: { teamsAppId: string } | { appUrl: string }) {
  if ('teamsAppId' in target) {
    const entity = (subEntityId?: string): string =>
      `https://teams.microsoft.com/l/entity/${target.teamsAppId}/myrecommendations${subEntityId ? `?context=${encodeURIComponent(JSON.stringify({ subEntityId }))}` : ''}`;
    return { recommendation: (id: string) => entity(id), myRecommendations: entity(), register: entity() };
  }
  const base = target.appUrl.replace(/\/$/, '');
  return {
    recommendation: (id: string) => `${base}/#/recommendations/${encodeURIComponent(id)}`,
    myRecommendations: `${base}/#/`,
    register: `${base}/#/register`,
  };
}
