import { Body1, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { createNestablePublicClientApplication } from '@azure/msal-browser';
import { useEffect, useState } from 'react';
import { MsalAuth } from '../adapters/auth/msal-auth';
import { connectGraph } from '../adapters/graph/graph-client';
import { reminderLinks } from '../application/reminders/reminder-links';
import type { HostContext } from '../application/ports';
import type { Session } from '../application/ports';
import type { AccountInfo } from '@azure/msal-browser';
import type { TabConfig } from './config';
import { viewFromAddress } from './routes';
import { graphSession, hostChannel } from './graph-session';
import { Shell } from './shell';
import { useTabTheme } from './theme';
import { useTeamsHost } from './use-teams-host';

type TenantConfig = Extract<TabConfig, { TAB_AUTH_MODE: 'msal' }>;

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** The path the msal v5 popup returns to: a same-origin page that hands the response to this window. */
export const redirectBridgePath = '/auth-redirect.html';

function tenantSession(config: TenantConfig, auth: MsalAuth, account: AccountInfo, host: HostContext | undefined): Session {
  return graphSession(
    connectGraph(auth, config.TAB_GRAPH_ORIGIN),
    { siteId: config.TAB_SITE_ID, evidenceMaxMb: config.TAB_EVIDENCE_MAX_MB },
    {
      // The personal tab is the owner's; a channel tab's address says which view it shows (?view=coordinator or
      // ?view=panel). SharePoint's permissions decide what each person can actually do.
      user: { email: account.username.toLowerCase(), name: account.name ?? account.username, role: viewFromAddress(window.location.search) },
      links: config.TAB_TEAMS_APP_ID ? reminderLinks({ teamsAppId: config.TAB_TEAMS_APP_ID }) : reminderLinks({ appUrl: window.location.origin }),
      channel: hostChannel(host),
      host,
    },
  );
}

type Stage =
  { kind: 'starting' } | { kind: 'needsSignIn'; auth: MsalAuth } | { kind: 'ready'; session: Session } | { kind: 'failed'; message: string; auth?: MsalAuth };

/**
 * A tenant: in Teams the host context and nested app authentication; in a plain browser the same MSAL client
 * signs in the ordinary way. The theme follows Teams live.
 */
export function TenantApp({ config }: { config: TenantConfig }) {
  const styles = useStyles();
  const host = useTeamsHost();
  const tabTheme = useTabTheme(host);
  const hostContext = host.status === 'connected' ? host.context : undefined;
  const [stage, setStage] = useState<Stage>({ kind: 'starting' });

  useEffect(() => {
    if (host.status === 'connecting') return;
    let live = true;
    (async () => {
      const pca = await createNestablePublicClientApplication({
        auth: {
          clientId: config.TAB_CLIENT_ID,
          authority: `https://login.microsoftonline.com/${config.TAB_TENANT_ID}`,
          redirectUri: `${window.location.origin}${redirectBridgePath}`,
        },
        cache: { cacheLocation: 'localStorage' },
      });
      const auth = new MsalAuth(pca, { loginHint: hostContext?.user.loginHint });
      const account = await auth.trySilentSignIn();
      if (!live) return;
      setStage(account ? { kind: 'ready', session: tenantSession(config, auth, account, hostContext) } : { kind: 'needsSignIn', auth });
    })().catch((error: unknown) => live && setStage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [config, host.status, hostContext]);

  const signIn = (auth: MsalAuth): void => {
    auth.signInWithPopup().then(
      (account) => setStage({ kind: 'ready', session: tenantSession(config, auth, account, hostContext) }),
      (error: unknown) => setStage({ kind: 'failed', auth, message: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <Shell theme={tabTheme.theme} session={stage.kind === 'ready' ? stage.session : undefined} actions={tabTheme.picker}>
      <div className={styles.page}>
        {stage.kind === 'starting' && <Spinner label="Signing you in…" />}
        {stage.kind === 'needsSignIn' && (
          <>
            <Body1>Sign in with your work account to see your audit recommendations.</Body1>
            <div>
              <Button appearance="primary" onClick={() => signIn(stage.auth)}>
                Sign in
              </Button>
            </div>
          </>
        )}
        {stage.kind === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>
              Sign-in did not work: {stage.message}
              {stage.auth && (
                <>
                  {' '}
                  <Button onClick={() => stage.auth && signIn(stage.auth)}>Try again</Button>
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </Shell>
  );
}
