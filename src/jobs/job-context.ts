import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { EmulatorTokenProvider, StaticTokenProvider } from '../adapters/auth/emulator-token-provider';
import { jobScopes } from '../adapters/auth/scopes';
import { connectGraph, type GraphConnection } from '../adapters/graph/graph-client';
import { ListGateway } from '../adapters/graph/list-gateway';
import { GraphRecommendationStore } from '../adapters/graph/graph-recommendation-store';
import { SharePointPermissions } from '../adapters/graph/sharepoint-permissions';
import { siteWebUrl } from '../adapters/graph/provision';
import { readEnvironment } from './env-files';

/** Whoever runs a job against the emulator without --user signs in as its first coordinator. */
export const defaultEmulatorUser = 'casey.coordinator@northmere.example';

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

const tenantEnv = z.object({
  AUDIT_SITE_ID: required('AUDIT_SITE_ID is required: the SharePoint site id (hostname,guid,guid) or its path'),
  GRAPH_ACCESS_TOKEN: required('GRAPH_ACCESS_TOKEN is required: az account get-access-token --resource https://graph.microsoft.com'),
  SHAREPOINT_ACCESS_TOKEN: z.string().optional(),
});

/**
 * Connects a job to the emulator (--graph URL, dev sign-in) or to the tenant configured in the environment:
 * `--env dev` reads env/.env.dev (and .env.dev.user); variables already set in the shell win.
 */
export function jobContext(options: { graph?: string; user?: string; env?: string }, processEnv: NodeJS.ProcessEnv = process.env): JobContext {
  const env = options.env ? { ...readEnvironment(options.env), ...processEnv } : processEnv;
  let graph: GraphConnection;
  let siteId: string;
  if (options.graph) {
    const origin = new URL(options.graph).origin;
    graph = connectGraph(new EmulatorTokenProvider(origin, options.user ?? defaultEmulatorUser, jobScopes), origin);
    siteId = 'root';
  } else {
    const parsed = tenantEnv.safeParse(env);
    if (!parsed.success) {
      throw new Error(`Missing configuration for the tenant (set it in the shell or env/.env.<name> with --env <name>, or pass --graph <emulator URL>):\n- ${parsed.error.issues.map((i) => i.message).join('\n- ')}`);
    }
    graph = connectGraph(new StaticTokenProvider({ graph: parsed.data.GRAPH_ACCESS_TOKEN, sharepoint: parsed.data.SHAREPOINT_ACCESS_TOKEN }));
    siteId = parsed.data.AUDIT_SITE_ID;
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
