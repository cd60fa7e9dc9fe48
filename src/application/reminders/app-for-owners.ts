import type { Person } from '../../domain';
import type { ActivityFeed } from '../ports';
import { mapLimited } from '../shared/map-limited';

/** Owners the app could not be installed for as they were assigned: their feed cannot reach them until it is. */
export interface AppInstalls {
  withoutApp: Person[];
}

export const isAppInstalls = (value: unknown): value is AppInstalls =>
  typeof value === 'object' && value !== null && Array.isArray((value as Partial<AppInstalls>).withoutApp);

/** Installations in flight at once: an import can assign dozens of owners. */
const installsInFlight = 4;

/**
 * Installs the app for people as they become owners, so reminders and decisions reach their feed from the first
 * one. Each person once, however many items name them; refused or failed installs are named, not dropped.
 */
export async function installAppFor(feed: ActivityFeed | undefined, people: readonly Person[]): Promise<AppInstalls> {
  if (!feed) return { withoutApp: [] };
  const once = [...new Map(people.map((p) => [p.email.trim().toLowerCase(), p])).values()];
  const outcomes = await mapLimited(once, installsInFlight, (person) => feed.install(person).catch(() => 'refused' as const));
  return { withoutApp: once.filter((_, i) => outcomes[i] === 'refused') };
}

/** The confirmation's tail for owners the app could not be installed for. */
export const withoutAppSentence = ({ withoutApp }: AppInstalls): string =>
  withoutApp.length > 0
    ? `${withoutApp.map((p) => p.name).join(', ')} could not be given the app in Teams, so their activity feed cannot reach them: ask a Teams admin to install it for them`
    : '';
