import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { HostContext } from '../application/ports';
import type { SignIn } from './sign-in';
import type { useSignedIn } from './use-signed-in';

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** What a page shows until someone is signed in: the wait, the way to sign in, or why it failed with a retry. */
export function SignInStatus({ signIn, host, signedIn }: { signIn: SignIn; host: HostContext | undefined; signedIn: ReturnType<typeof useSignedIn> }) {
  const styles = useStyles();
  const { stage, setStage, retry } = signedIn;
  if (stage.kind === 'starting') return <Spinner label="Signing you in…" style={{ padding: 24 }} />;
  if (stage.kind === 'ask') return <>{signIn.prompt({ host, onSignedIn: (session) => setStage({ kind: 'ready', session }) })}</>;
  if (stage.kind === 'failed')
    return (
      <div className={styles.page}>
        <MessageBar intent="error">
          <MessageBarBody>
            Sign-in did not work: {stage.message} <Button onClick={retry}>Try again</Button>
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  return null;
}
