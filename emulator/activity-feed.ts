import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { accessDenied, badRequest, GraphError, notFound, ok, type EmuRequest, type Route } from './http';
import { scopesFor } from './scopes';
import type { Store, UserRow } from './store';

/**
 * The Teams app catalog and activity feed, with Graph's rules: a notification reaches only a person the app is
 * installed for (403 otherwise), its activity type must be one the app's manifest declares, with every parameter
 * its template names (400 otherwise), and a text topic needs a Teams link to open.
 */

const manifestSchema = z.object({
  activities: z.object({ activityTypes: z.array(z.object({ type: z.string(), description: z.string(), templateText: z.string() })) }).optional(),
});

/** The activity types the app declares, each with the parameters its template text names ({actor} is Teams' own). */
export function declaredActivityTypes(manifestPath = join(import.meta.dirname, '../appPackage/manifest.json')): Map<string, string[]> {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  return new Map(
    (manifest.activities?.activityTypes ?? []).map((t) => [
      t.type,
      [...t.templateText.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').filter((p) => p !== 'actor'),
    ]),
  );
}

const notificationSchema = z.object({
  topic: z.object({ source: z.enum(['entityUrl', 'text']), value: z.string().min(1), webUrl: z.string().optional() }),
  activityType: z.string().min(1),
  previewText: z.object({ content: z.string() }).optional(),
  templateParameters: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  chainId: z.number().int().optional(),
  teamsAppId: z.string().optional(),
});

const installSchema = z.object({ 'teamsApp@odata.bind': z.string() });

export interface CatalogApp {
  /** The catalog's id, which Graph's installedApps calls name. */
  id: string;
  /** The manifest's id. */
  externalId: string;
  displayName: string;
}

export function activityFeedRoutes(store: Store, app: CatalogApp, activityTypes: Map<string, string[]> = declaredActivityTypes()): Route[] {
  const person = (key: string): UserRow => {
    const user = store.users().find((u) => u.id === key || u.email === decodeURIComponent(key).toLowerCase());
    if (!user) throw notFound(`User '${key}'`);
    return user;
  };
  const installation = (userId: string, installationId: string) => ({
    id: installationId,
    teamsApp: { id: app.id, externalId: app.externalId, displayName: app.displayName, distributionMethod: 'organization' },
    teamsAppDefinition: { id: `${app.id}-definition`, teamsAppId: app.id, displayName: app.displayName },
    '@odata.id': `users/${userId}/teamwork/installedApps/${installationId}`,
  });
  const validate = (body: unknown): z.infer<typeof notificationSchema> => {
    const parsed = notificationSchema.safeParse(body);
    if (!parsed.success) throw badRequest(`Invalid activity notification: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    const n = parsed.data;
    const parameters = activityTypes.get(n.activityType);
    if (!parameters) throw badRequest(`Activity type '${n.activityType}' is not declared in the app manifest`);
    const given = new Set((n.templateParameters ?? []).map((p) => p.name));
    const missing = parameters.filter((p) => !given.has(p));
    if (missing.length > 0) throw badRequest(`Template parameter(s) ${missing.join(', ')} of '${n.activityType}' were not given`);
    if (n.topic.source === 'text') {
      if (!n.topic.webUrl) throw badRequest('A text topic needs a webUrl');
      if (!/^https:\/\/teams\.microsoft\.com\/l\//.test(n.topic.webUrl)) throw badRequest('The webUrl of a text topic must be a Teams deep link');
    }
    return n;
  };
  return [
    {
      method: 'GET',
      pattern: /^\/users\/([^/]+)\/teamwork\/installedApps$/,
      scopes: scopesFor.readInstalledApps,
      handle: (r: EmuRequest, [key = '']) => {
        const user = person(key);
        const filter = r.query.get('$filter');
        // The one filter callers use: the app by its catalog id or its manifest id.
        const wanted = filter ? /teamsApp\/(?:id|externalId) eq '([^']+)'/.exec(filter)?.[1] : undefined;
        if (filter && !wanted) throw badRequest(`Unsupported $filter '${filter}'`);
        const ours = !wanted || wanted === app.id || wanted === app.externalId;
        const rows = ours ? store.installedApps(user.id).filter((row) => row.app_id === app.id) : [];
        return ok({ value: rows.map((row) => installation(user.id, row.id)) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/users\/([^/]+)\/teamwork\/installedApps$/,
      scopes: scopesFor.installAppsForOthers,
      handle: (r: EmuRequest, [key = '']) => {
        const user = person(key);
        const parsed = installSchema.safeParse(r.body);
        if (!parsed.success) throw badRequest('The request needs teamsApp@odata.bind');
        const appId = /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(parsed.data['teamsApp@odata.bind'])?.[1];
        if (appId !== app.id) throw notFound(`Teams app '${appId ?? parsed.data['teamsApp@odata.bind']}'`);
        const row = store.installApp(user.id, app.id);
        if (!row) throw new GraphError(409, 'Conflict', 'The app is already installed for this user');
        return ok(installation(user.id, row.id), 201);
      },
    },
    {
      method: 'POST',
      pattern: /^\/users\/([^/]+)\/teamwork\/sendActivityNotification$/,
      scopes: scopesFor.sendActivityNotification,
      handle: (r: EmuRequest, [key = '']) => {
        const user = person(key);
        const notification = validate(r.body);
        if (!store.installedApps(user.id).some((row) => row.app_id === app.id))
          throw accessDenied(`The app is not installed for the recipient '${user.email}'; install it before sending them notifications`);
        store.addNotification(user.id, JSON.stringify(notification), r.user.email, notification.chainId);
        return ok(undefined, 204);
      },
    },
  ];
}

/** A person's feed as Teams would list it: an emulator-only read, so tests and the demo can see what arrived. */
export function feedOf(store: Store, email: string): { activityType: string; previewText: string; webUrl?: string; from: string; at: string }[] {
  const user = store.userByEmail(email);
  if (!user) return [];
  return store.notifications(user.id).map((row) => {
    const n = notificationSchema.parse(JSON.parse(row.body));
    return { activityType: n.activityType, previewText: n.previewText?.content ?? '', webUrl: n.topic.webUrl, from: row.created_by, at: row.created_at };
  });
}
