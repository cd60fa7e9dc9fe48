import { z } from 'zod';

/** The tab's configuration, from env/.env.<environment> at build time; checked at start with a clear message. */
const configSchema = z.discriminatedUnion('TAB_AUTH_MODE', [
  z.object({
    TAB_AUTH_MODE: z.literal('emulator'),
    TAB_GRAPH_ORIGIN: z.url('TAB_GRAPH_ORIGIN must be the emulator address, e.g. http://127.0.0.1:5001'),
    TAB_SITE_ID: z.string().min(1).default('root'),
    TAB_TEAMS_APP_ID: z.string().optional(),
    /** The org catalog's id for the app, after an admin-centre upload (docs/deploy.md step 5). */
    TAB_TEAMS_CATALOG_APP_ID: z.string().optional(),
    TAB_EVIDENCE_MAX_MB: z.coerce.number().positive().default(100),
    /** How a quarter written without its financial year ("Q3 2024") is read; unset, it is flagged for the coordinator. */
    TAB_BARE_QUARTERS: z.enum(['calendar', 'financial']).optional(),
  }),
  z.object({
    TAB_AUTH_MODE: z.literal('msal'),
    TAB_GRAPH_ORIGIN: z.url().default('https://graph.microsoft.com'),
    TAB_CLIENT_ID: z.string().uuid('TAB_CLIENT_ID must be the Entra app (client) id'),
    TAB_TENANT_ID: z.string().min(1, 'TAB_TENANT_ID is required (tenant id or domain)'),
    TAB_SITE_ID: z.string().min(1, 'TAB_SITE_ID is required: the SharePoint site id'),
    TAB_TEAMS_APP_ID: z.string().optional(),
    /** The org catalog's id for the app, after an admin-centre upload (docs/deploy.md step 5). */
    TAB_TEAMS_CATALOG_APP_ID: z.string().optional(),
    TAB_EVIDENCE_MAX_MB: z.coerce.number().positive().default(100),
    /** How a quarter written without its financial year ("Q3 2024") is read; unset, it is flagged for the coordinator. */
    TAB_BARE_QUARTERS: z.enum(['calendar', 'financial']).optional(),
  }),
]);
export type TabConfig = z.infer<typeof configSchema>;

export function readConfig(env: Record<string, unknown>): { config: TabConfig } | { problems: string[] } {
  const parsed = configSchema.safeParse({ ...env, TAB_AUTH_MODE: env.TAB_AUTH_MODE ?? 'emulator' });
  if (parsed.success) return { config: parsed.data };
  return { problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'TAB_AUTH_MODE'}: ${i.message}`) };
}
