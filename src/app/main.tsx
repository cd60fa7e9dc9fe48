import { StrictMode, lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProblems, EmulatorApp } from './app';
import { readConfig } from './config';
import { ConfigureApp } from './configure-app';

// Sign-in with Entra ID (msal, teams-js) loads only in a tenant build's path.
const TenantApp = lazy(() => import('./tenant-app').then((m) => ({ default: m.TenantApp })));

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
      <EmulatorApp config={result.config} />
    ) : (
      <Suspense fallback={null}>
        <TenantApp config={result.config} />
      </Suspense>
    )}
  </StrictMode>,
);
