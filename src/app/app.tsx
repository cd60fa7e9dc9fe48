import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Shell } from './shell';
import type { SignIn } from './sign-in';
import { useTabTheme } from './theme';
import { useTeamsHost } from './use-teams-host';
import { useSignedIn } from './use-signed-in';

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

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
  const styles = useStyles();
  const host = useTeamsHost();
  const tabTheme = useTabTheme(host);
  const hostContext = host.status === 'connected' ? host.context : undefined;
  const { stage, setStage, retry } = useSignedIn(signIn, host);

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
      {stage.kind === 'starting' && <Spinner label="Signing you in…" style={{ padding: 24 }} />}
      {stage.kind === 'ask' && signIn.prompt({ host: hostContext, onSignedIn: (session) => setStage({ kind: 'ready', session }) })}
      {stage.kind === 'failed' && (
        <div className={styles.page}>
          <MessageBar intent="error">
            <MessageBarBody>
              Sign-in did not work: {stage.message} <Button onClick={retry}>Try again</Button>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
    </Shell>
  );
}
