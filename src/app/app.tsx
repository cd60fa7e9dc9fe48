import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Shell } from './shell';
import type { SignIn } from './sign-in';
import { SignInStatus } from './sign-in-status';
import { useTabTheme } from './theme';
import { useTeamsHost } from './use-teams-host';
import { useSignedIn } from './use-signed-in';

export function ConfigProblems({ title = 'The tab is not configured', problems }: { title?: string; problems: string[] }) {
  return (
    <FluentProvider style={{ padding: 24 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

/**
 * The tab, on the emulator or in a tenant alike: wait for the Teams host (if any), sign in silently, else ask;
 * then the shell and its screens. The theme follows Teams live.
 */
export function App({ signIn }: { signIn: SignIn }) {
  const host = useTeamsHost();
  const tabTheme = useTabTheme(host);
  const hostContext = host.status === 'connected' ? host.context : undefined;
  const signedIn = useSignedIn(signIn, host);
  const { stage, setStage } = signedIn;

  const switchUser = (): void => {
    signIn.signOut();
    // The next person starts on their own home, not on the screen the last one left open.
    window.location.hash = '#/';
    setStage({ kind: 'ask' });
  };
  return (
    <Shell
      theme={tabTheme.theme}
      session={stage.kind === 'ready' ? stage.session : undefined}
      actions={
        <>
          {tabTheme.picker}
          {stage.kind === 'ready' && signIn.canSwitchUser(hostContext) && <Button onClick={switchUser}>Switch user</Button>}
        </>
      }
    >
      <SignInStatus signIn={signIn} host={hostContext} signedIn={signedIn} />
    </Shell>
  );
}
