import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { createNestablePublicClientApplication } from '@azure/msal-browser';
import { useState } from 'react';
import { MsalAuth } from '../adapters/auth/msal-auth';
import { connectGraph } from '../adapters/graph/graph-client';
import { signedInPerson } from '../adapters/graph/graph-directory';
import type { HostContext, Session } from '../application/ports';
import { reminderLinks } from '../application/reminders/reminder-links';
import type { TabConfig } from './config';
import { graphSession, hostChannel } from './graph-session';
import { viewFromAddress } from './routes';
import type { SignIn } from './sign-in';

type TenantConfig = Extract<TabConfig, { TAB_AUTH_MODE: 'msal' }>;

/** The path the msal v5 popup returns to: a same-origin page that hands the response to this window. */
export const redirectBridgePath = '/auth-redirect.html';

async function tenantSession(config: TenantConfig, auth: MsalAuth, host: HostContext | undefined): Promise<Session> {
  const graph = connectGraph(auth, config.TAB_GRAPH_ORIGIN);
  // msal's account names the sign-in (UPN); owners are stored by mail, so the person is read from Graph.
  const person = await signedInPerson(graph);
  return graphSession(
    graph,
    { siteId: config.TAB_SITE_ID, evidenceMaxMb: config.TAB_EVIDENCE_MAX_MB },
    {
      // The personal tab is the owner's; a channel tab's address says which view it shows (?view=coordinator or
      // ?view=panel). SharePoint's permissions decide what each person can actually do.
      user: { ...person, role: viewFromAddress(window.location.search) },
      links: config.TAB_TEAMS_APP_ID
        ? reminderLinks({ teamsAppId: config.TAB_TEAMS_APP_ID, catalogAppId: config.TAB_TEAMS_CATALOG_APP_ID })
        : reminderLinks({ appUrl: window.location.origin }),
      channel: hostChannel(host),
      host,
    },
  );
}

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

function WorkAccountPrompt({ signIn }: { signIn: () => Promise<void> }) {
  const styles = useStyles();
  const [failure, setFailure] = useState<string | undefined>();
  const attempt = (): void => {
    setFailure(undefined);
    signIn().catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  };
  return (
    <div className={styles.page}>
      <Body1>Sign in with your work account to see your audit recommendations.</Body1>
      <div>
        <Button appearance="primary" onClick={attempt}>
          Sign in
        </Button>
      </div>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>
            Sign-in did not work: {failure} <Button onClick={attempt}>Try again</Button>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/**
 * A tenant: in Teams the host context and nested app authentication; in a plain browser the same msal client signs
 * in the ordinary way, silently first, then with a popup when the person chooses to.
 */
export function tenantSignIn(config: TenantConfig): SignIn {
  let auth: Promise<MsalAuth> | undefined;
  const client = (host: HostContext | undefined): Promise<MsalAuth> =>
    (auth ??= createNestablePublicClientApplication({
      auth: {
        clientId: config.TAB_CLIENT_ID,
        authority: `https://login.microsoftonline.com/${config.TAB_TENANT_ID}`,
        redirectUri: `${window.location.origin}${redirectBridgePath}`,
      },
      cache: { cacheLocation: 'localStorage' },
    }).then((pca) => new MsalAuth(pca, { loginHint: host?.user.loginHint })));
  return {
    async silent(host) {
      const msal = await client(host);
      const account = await msal.trySilentSignIn();
      return account ? await tenantSession(config, msal, host) : undefined;
    },
    prompt: ({ host, onSignedIn }) => (
      <WorkAccountPrompt
        signIn={async () => {
          const msal = await client(host);
          await msal.signInWithPopup();
          onSignedIn(await tenantSession(config, msal, host));
        }}
      />
    ),
    canSwitchUser: () => false,
    signOut: () => undefined,
  };
}
