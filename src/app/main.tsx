import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ConfigProblems } from './app';
import { readConfig } from './config';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const result = readConfig(import.meta.env);
createRoot(root).render(
  <StrictMode>
    {'problems' in result ? (
      <ConfigProblems problems={result.problems} />
    ) : result.config.TAB_AUTH_MODE === 'emulator' ? (
      <App config={result.config} />
    ) : (
      <ConfigProblems problems={['TAB_AUTH_MODE=msal: sign-in with Microsoft Entra ID is configured in the next release of this tab']} />
    )}
  </StrictMode>,
);
