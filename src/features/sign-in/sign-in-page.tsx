import {
  Button,
  Card,
  CardHeader,
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DirectoryPerson } from '../../application/ports';
import { roles, type Role } from '../../domain';

const useStyles = makeStyles({
  page: { maxWidth: '880px', margin: '0 auto', padding: tokens.spacingHorizontalXXL },
  groups: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalL },
  people: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  person: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', padding: tokens.spacingVerticalS },
});

const roleTitle: Record<Role, string> = { coordinator: 'Audit coordinators', owner: 'Recommendation owners', panel: 'Panel members' };

/** Sign-in on the embedded default: pick one of the emulator's people, by role. */
export function SignInPage({ loadPeople, onSignIn }: { loadPeople: () => Promise<DirectoryPerson[]>; onSignIn: (person: DirectoryPerson) => void }) {
  const styles = useStyles();
  const [people, setPeople] = useState<DirectoryPerson[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    loadPeople().then(setPeople, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [loadPeople]);
  return (
    <main className={styles.page}>
      <Title2 as="h1" block>
        Sign in to Audit Tracker
      </Title2>
      <Body1 as="p" block>
        This is the local demo organisation. Choose who to be; you can switch at any time.
      </Body1>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>Could not reach the local emulator: {error}. Is `npm start` still running?</MessageBarBody>
        </MessageBar>
      )}
      {!people && !error && <Spinner label="Loading people…" />}
      {people && (
        <div className={styles.groups}>
          {roles.map((role) => (
            <Card key={role} role="group" aria-labelledby={`role-${role}`}>
              <CardHeader
                header={
                  <Subtitle2 as="h2" id={`role-${role}`}>
                    {roleTitle[role]}
                  </Subtitle2>
                }
              />
              <div className={styles.people}>
                {people
                  .filter((p) => p.role === role)
                  .map((person) => (
                    <Button key={person.email} className={styles.person} appearance="subtle" onClick={() => onSignIn(person)}>
                      <span>
                        <Body1 block>{person.name}</Body1>
                        <Caption1 block>{person.jobTitle ?? person.email}</Caption1>
                      </span>
                    </Button>
                  ))}
              </div>
            </Card>
          ))}
        </div>
      )}
    </main>
  );
}
