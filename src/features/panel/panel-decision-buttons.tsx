import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ReasonDialog } from '../shared/reason-dialog';
import type { useDecision } from '../shared/use-decision';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' } });

type Decision = ReturnType<typeof useDecision>;

/**
 * The panel agreed a closure (or noted a withdrawal), or did not accept it, with its reason: recorded by the
 * coordinator at the meeting. `what` names the thing decided ("Closure", "Withdrawal"), `yes` the panel's word.
 */
export function ClosureDecision({
  reference,
  decision,
  agree,
  notAccept,
  what = 'Closure',
  yes = 'Agreed',
  agreeSubjectTo,
  note,
}: {
  reference: string;
  decision: Decision;
  agree: () => Promise<unknown>;
  notAccept: (reason: string) => Promise<unknown>;
  what?: string;
  yes?: string;
  /** Offered for closures: the panel agrees, subject to a condition that keeps the item open until it is met. */
  agreeSubjectTo?: (condition: string) => Promise<unknown>;
  /** Offered for closures: noted, with no decision yet. */
  note?: () => Promise<unknown>;
}) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <Button size="small" disabled={decision.busy} onClick={() => decision.run(`${what} of ${reference} ${yes.toLowerCase()}`, agree)}>
        {yes}
      </Button>
      {agreeSubjectTo && (
        <ReasonDialog
          trigger="Agreed subject to…"
          size="small"
          title={`The panel agreed closure of ${reference} subject to a condition`}
          label="The condition (the item stays open until it is confirmed met)"
          confirm="Record"
          onConfirm={(condition) => decision.run(`Closure of ${reference} agreed subject to ${condition}`, () => agreeSubjectTo(condition))}
        />
      )}
      {note && (
        <Button size="small" disabled={decision.busy} onClick={() => decision.run(`${reference} noted`, note)}>
          Noted
        </Button>
      )}
      <ReasonDialog
        trigger="Not accepted…"
        size="small"
        title={`The panel did not accept ${what.toLowerCase()} of ${reference}`}
        label="The panel's reason"
        confirm="Record"
        onConfirm={(reason) => decision.run(`${what} of ${reference} not accepted`, () => notAccept(reason))}
      />
    </div>
  );
}

/** The panel granted or refused a request for a new target date. */
export function ExtensionDecision({ reference, decision, decide }: { reference: string; decision: Decision; decide: (grant: boolean) => Promise<unknown> }) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      {(['Granted', 'Refused'] as const).map((verdict) => (
        <Button
          key={verdict}
          size="small"
          disabled={decision.busy}
          onClick={() => decision.run(`Extension for ${reference} ${verdict.toLowerCase()}`, () => decide(verdict === 'Granted'))}
        >
          {verdict}
        </Button>
      ))}
    </div>
  );
}
