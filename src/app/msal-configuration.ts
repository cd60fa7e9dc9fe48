import type { Configuration } from '@azure/msal-browser';
import type { TabConfig } from './config';

export type TenantConfig = Extract<TabConfig, { TAB_AUTH_MODE: 'msal' }>;

/**
 * The tab's msal client, the same for the tab and for Teams' authentication window, so both sign in to one app
 * registration and keep one cache; only the page Entra returns to differs.
 */
export const msalConfiguration = (config: TenantConfig, redirectPath: string): Configuration => ({
  auth: {
    clientId: config.TAB_CLIENT_ID,
    authority: `https://login.microsoftonline.com/${config.TAB_TENANT_ID}`,
    redirectUri: `${window.location.origin}${redirectPath}`,
  },
  cache: { cacheLocation: 'localStorage' },
});
