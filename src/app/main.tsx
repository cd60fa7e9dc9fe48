import { StrictMode, lazy, Suspense, useMemo, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ConfigProblems } from './app';
import { readConfig } from './config';
import { emulatorSignIn } from './emulator-sign-in';
import type { SignIn } from './sign-in';

// The configurable tab's page is shown once, when a tab is added: not part of every open.
const ConfigureApp = lazy(() => import('./configure-app').then((m) => ({ default: m.ConfigureApp })));

// Sign-in with Entra ID (msal, teams-js) loads only in a tenant build's path.
const TenantApp = lazy(() =>
  import('./tenant-sign-in').then((m) => ({
    default: function TenantApp({ config, Page }: { config: Parameters<typeof m.tenantSignIn>[0]; Page: ComponentType<{ signIn: SignIn }> }) {
      const signIn = useMemo(() => m.tenantSignIn(config), [config]);
      return <Page signIn={signIn} />;
    },
  })),
);

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const result = readConfig(import.meta.env);
// The configurable tab's page: a channel's needs only Teams; a meeting's signs in to link its panel meeting.
const configuring = new URLSearchParams(window.location.search).has('configure');
const Page = configuring ? ConfigureApp : App;
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={null}>
      {'problems' in result ? (
        configuring ? (
          <ConfigureApp />
        ) : (
          <ConfigProblems title="The tab is not configured: set these in env/.env.<environment> and build again" problems={result.problems} />
        )
      ) : result.config.TAB_AUTH_MODE === 'emulator' ? (
        <Page signIn={emulatorSignIn(result.config)} />
      ) : (
        <TenantApp config={result.config} Page={Page} />
      )}
    </Suspense>
  </StrictMode>,
);
