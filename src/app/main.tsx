import { StrictMode, lazy, Suspense, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ConfigProblems } from './app';
import { readConfig } from './config';
import { ConfigureApp } from './configure-app';
import { emulatorSignIn } from './emulator-sign-in';

// Sign-in with Entra ID (msal, teams-js) loads only in a tenant build's path.
const TenantApp = lazy(() =>
  import('./tenant-sign-in').then((m) => ({
    default: function TenantApp({ config }: { config: Parameters<typeof m.tenantSignIn>[0] }) {
      const signIn = useMemo(() => m.tenantSignIn(config), [config]);
      return <App signIn={signIn} />;
    },
  })),
);

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const result = readConfig(import.meta.env);
createRoot(root).render(
  <StrictMode>
    {new URLSearchParams(window.location.search).has('configure') ? (
      // The channel tab's configuration page needs only Teams, not Graph.
      <ConfigureApp />
    ) : 'problems' in result ? (
      <ConfigProblems title="The tab is not configured: set these in env/.env.<environment> and build again" problems={result.problems} />
    ) : result.config.TAB_AUTH_MODE === 'emulator' ? (
      <App signIn={emulatorSignIn(result.config)} />
    ) : (
      <Suspense fallback={null}>
        <TenantApp config={result.config} />
      </Suspense>
    )}
  </StrictMode>,
);
