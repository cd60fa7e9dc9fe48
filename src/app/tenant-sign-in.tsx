import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { createNestablePublicClientApplication } from '@azure/msal-browser';
import { useState } from 'react';
import { MsalAuth } from '../adapters/auth/msal-auth';
import { TeamsAuthWindowTokens } from '../adapters/auth/teams-auth-window';
import { connectGraph } from '../adapters/graph/graph-client';
import { signedInPerson } from '../adapters/graph/graph-directory';
import type { HostContext, Session, TokenProvider } from '../application/ports';
import { reminderLinks } from '../application/reminders/reminder-links';
import { graphSession, hostChannel, tabEndpoint } from './graph-session';
import { msalConfiguration, type TenantConfig } from './msal-configuration';
import { viewFromAddress } from './routes';
import type { SignIn } from './sign-in';
import { loadTeamsJs } from './use-teams-host';

/** The path the msal v5 popup returns to: a same-origin page that hands the response to this window. */
export const redirectBridgePath = '/auth-redirect.html';

async function tenantSession(config: TenantConfig, auth: TokenProvider, host: HostContext | undefined): Promise<Session> {
  const graph = connectGraph(auth, config.TAB_GRAPH_ORIGIN);
  // msal's account names the sign-in (UPN); owners are stored by mail, so the person is read from Graph.
  const person = await signedInPerson(graph);
  return graphSession(graph, config, {
    // The personal tab is the owner's; a channel tab's address says which view it shows (?view=coordinator or
    // ?view=panel). SharePoint's permissions decide what each person can actually do.
    user: { ...person, role: viewFromAddress(window.location.search) },
    links: config.TAB_TEAMS_APP_ID
      ? reminderLinks({ teamsAppId: config.TAB_TEAMS_APP_ID, catalogAppId: config.TAB_TEAMS_CATALOG_APP_ID, tabEndpoint: tabEndpoint() })
      : reminderLinks({ appUrl: window.location.origin }),
    channel: hostChannel(host),
    host,
  });
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
 * Whether the host brokers tokens (nested app authentication). teams-js installs the bridge msal talks through
 * when the host supports it, and native hosts inject it themselves; without it, msal would fall back to a popup
 * from the tab's frame, which Teams blocks, so the tab signs in through Teams' authentication window instead.
 */
const hostBrokersTokens = (): boolean => 'nestedAppAuthBridge' in window;

/**
 * A tenant: in Teams the host context and nested app authentication, or Teams' authentication window where the
 * host has none; in a plain browser the same msal client signs in the ordinary way, silently first, then with a
 * popup when the person chooses to.
 */
export function tenantSignIn(config: TenantConfig): SignIn {
  let auth: Promise<MsalAuth> | undefined;
  const client = (host: HostContext | undefined): Promise<MsalAuth> =>
    (auth ??= createNestablePublicClientApplication(msalConfiguration(config, redirectBridgePath)).then(
      (pca) => new MsalAuth(pca, { loginHint: host?.user.loginHint }),
    ));
  const throughAuthWindow = (host: HostContext | undefined): boolean => Boolean(host?.inTeams) && !hostBrokersTokens();
  return {
    async silent(host) {
      // Teams opens its authentication window only on a user gesture in some clients: that path waits for the button.
      if (throughAuthWindow(host)) return undefined;
      const msal = await client(host);
      const account = await msal.trySilentSignIn();
      return account ? await tenantSession(config, msal, host) : undefined;
    },
    prompt: ({ host, onSignedIn }) => (
      <WorkAccountPrompt
        signIn={async () => {
          if (throughAuthWindow(host)) {
            const { authentication } = await loadTeamsJs();
            const tokens = new TeamsAuthWindowTokens((request) => authentication.authenticate(request), window.location.origin, host?.user.loginHint);
            await tokens.signIn();
            onSignedIn(await tenantSession(config, tokens, host));
            return;
          }
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
