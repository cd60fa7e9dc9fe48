import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { EmulatorTokenProvider } from '../adapters/auth/emulator-token-provider';
import { StaticTokenProvider } from '../adapters/auth/static-token-provider';
import { DeviceCodeSignIn } from '../adapters/auth/device-code-sign-in';
import { jobScopes } from '../adapters/auth/scopes';
import { connectGraph, type GraphConnection } from '../adapters/graph/graph-client';
import { ListGateway } from '../adapters/graph/list-gateway';
import { GraphRecommendationStore } from '../adapters/graph/graph-recommendation-store';
import { SharePointPermissions } from '../adapters/graph/sharepoint-permissions';
import { siteWebUrl } from '../adapters/graph/provision';
import { GraphActivityFeed } from '../adapters/graph/graph-activity-feed';
import type { FeedTarget } from '../application/ports';
import { reminderLinks } from '../application/reminders/reminder-links';
import { environmentFor } from './env-files';

/** Whoever runs a job against the emulator without --user signs in as its first coordinator. */
export const defaultEmulatorUser = 'casey.coordinator@northmere.example';
/** The emulator site's owner (Full Control), who provisions: a coordinator's Edit level cannot set permissions. */
export const emulatorSiteOwner = 'jordan.lead@northmere.example';

export interface JobContext {
  graph: GraphConnection;
  siteId: string;
  gateway: ListGateway;
  store: GraphRecommendationStore;
  permissions: () => Promise<SharePointPermissions>;
  /** The job's settings: env/.env.<--env> and its .user file, overridden by the process environment. */
  env: Record<string, string | undefined>;
}

/** A setting that must be present and not blank; the message names it whether it is absent or empty. */
const required = (message: string) => z.string({ error: message }).min(1, message);

const tenantEnv = z
  .object({
    AUDIT_SITE_ID: required('AUDIT_SITE_ID is required: the SharePoint site id (hostname,guid,guid) or its path (hostname:/sites/name)').regex(
      /^[a-z0-9-]+(\.[a-z0-9-]+)+[,:]/i,
      'AUDIT_SITE_ID must begin with the SharePoint host name, as in contoso.sharepoint.com,<guid>,<guid> or contoso.sharepoint.com:/sites/audit',
    ),
    GRAPH_ACCESS_TOKEN: z.string().optional(),
    SHAREPOINT_ACCESS_TOKEN: z.string().optional(),
    AAD_APP_CLIENT_ID: z.string().optional(),
    AAD_APP_TENANT_ID: z.string().optional(),
  })
  .superRefine((env, context) => {
    // A token handed in (an unattended job's client-credentials token) needs no sign-in; otherwise the person signs in.
    if (env.GRAPH_ACCESS_TOKEN) return;
    for (const [name, what] of [
      ['AAD_APP_CLIENT_ID', "the app registration's client id"],
      ['AAD_APP_TENANT_ID', 'the directory (tenant) id'],
    ] as const) {
      if (!z.guid().safeParse(env[name]).success)
        context.addIssue({ code: 'custom', message: `${name} is required to sign in, as a GUID: ${what} (or set GRAPH_ACCESS_TOKEN)` });
    }
  });

/** The person at the terminal is shown Entra's device code message; on stderr, so a job's output stays clean. */
const showSignInPrompt = (message: string): void => console.error(message);

/**
 * Connects a job to the emulator (--graph URL, dev sign-in) or to the tenant configured in the environment:
 * `--env dev` reads env/.env.dev (and .env.dev.user); variables already set in the shell win.
 */
export function jobContext(options: { graph?: string; user?: string; env?: string }, processEnv: NodeJS.ProcessEnv = process.env): JobContext {
  const env = options.env ? environmentFor(options.env, processEnv) : processEnv;
  let graph: GraphConnection;
  let siteId: string;
  if (options.graph) {
    const origin = new URL(options.graph).origin;
    graph = connectGraph(new EmulatorTokenProvider(origin, options.user ?? defaultEmulatorUser, jobScopes), origin);
    siteId = 'root';
  } else {
    const parsed = tenantEnv.safeParse(env);
    if (!parsed.success) {
      throw new Error(
        `Missing configuration for the tenant (set it in the shell or env/.env.<name> with --env <name>, or pass --graph <emulator URL>):\n- ${parsed.error.issues.map((i) => i.message).join('\n- ')}`,
      );
    }
    const { data } = parsed;
    const sharePointOrigin = `https://${data.AUDIT_SITE_ID.split(/[,:]/)[0] ?? ''}`;
    graph = connectGraph(
      data.GRAPH_ACCESS_TOKEN
        ? new StaticTokenProvider({ graph: data.GRAPH_ACCESS_TOKEN, sharepoint: data.SHAREPOINT_ACCESS_TOKEN })
        : new DeviceCodeSignIn(
            { clientId: data.AAD_APP_CLIENT_ID ?? '', tenantId: data.AAD_APP_TENANT_ID ?? '' },
            jobScopes,
            sharePointOrigin,
            showSignInPrompt,
          ),
    );
    siteId = data.AUDIT_SITE_ID;
  }
  const gateway = new ListGateway(graph, siteId);
  return {
    graph,
    siteId,
    gateway,
    store: new GraphRecommendationStore(gateway),
    permissions: async () => new SharePointPermissions(await siteWebUrl(graph, siteId), graph.tokens),
    env,
  };
}

/** People's activity feeds, when the env names the Teams app: installations name it by its catalog id (a sideloaded app's is its manifest id). */
export function jobFeed({ graph, env }: JobContext): FeedTarget | undefined {
  const teamsAppId = env.TEAMS_APP_ID;
  const catalogAppId = env.TEAMS_CATALOG_APP_ID || teamsAppId;
  if (!teamsAppId || !catalogAppId) return undefined;
  // Notifications open the tab in Teams: their links are Teams deep links whatever the channel's cards use.
  return {
    activities: new GraphActivityFeed(graph, catalogAppId),
    links: reminderLinks({ teamsAppId, catalogAppId: env.TEAMS_CATALOG_APP_ID, tabEndpoint: env.TAB_ENDPOINT }),
  };
}

export const commonOptions = {
  graph: { type: 'string' },
  user: { type: 'string' },
  env: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** Runs a job's main, printing a clear message and exiting non-zero on failure. */
export function runJob(main: (args: string[]) => Promise<void>): void {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

export { parseArgs };
