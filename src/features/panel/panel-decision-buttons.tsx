import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { FormDialog } from '../shared/form-dialog';
import { ReasonDialog } from '../shared/reason-dialog';
import type { Decision } from '../shared/use-decision';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' } });

const undoHint = "You can undo it from “Decisions recorded at this meeting” until the meeting's decisions are closed.";

/** A decision button that asks first, saying what will happen to the item, then records it. */
function Confirmed({
  trigger,
  title,
  effect,
  decision,
  label,
  work,
}: {
  trigger: string;
  title: string;
  effect: string;
  decision: Decision;
  label: string;
  work: () => Promise<unknown>;
}) {
  return (
    <FormDialog
      trigger={trigger}
      size="small"
      disabled={decision.busy}
      title={title}
      confirm="Record"
      onConfirm={() => {
        decision.run(label, work);
        return true;
      }}
    >
      <Body1>
        {effect} {undoHint}
      </Body1>
    </FormDialog>
  );
}

/**
 * The panel agreed a closure (or noted a withdrawal), or did not accept it, with its reason: recorded by the
 * coordinator at the meeting, each after a confirmation. `what` names the thing decided ("Closure",
 * "Withdrawal"), `yes` the panel's word and `effect` what agreeing does to the item.
 */
export function ClosureDecision({
  reference,
  decision,
  agree,
  notAccept,
  what = 'Closure',
  yes = 'Agreed',
  effect = 'The item will be closed.',
  agreeSubjectTo,
  note,
}: {
  reference: string;
  decision: Decision;
  agree: () => Promise<unknown>;
  notAccept: (reason: string) => Promise<unknown>;
  what?: string;
  yes?: string;
  effect?: string;
  /** Offered for closures: the panel agrees, subject to a condition that keeps the item open until it is met. */
  agreeSubjectTo?: (condition: string) => Promise<unknown>;
  /** Offered for closures: noted, with no decision yet. */
  note?: () => Promise<unknown>;
}) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <Confirmed
        trigger={yes}
        title={`${what} of ${reference}: ${yes.toLowerCase()} by the panel?`}
        effect={effect}
        decision={decision}
        label={`${what} of ${reference} ${yes.toLowerCase()}`}
        work={agree}
      />
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
        <Confirmed
          trigger="Noted"
          title={`${reference}: noted by the panel, with no decision yet?`}
          effect="The item stays before the panel and is carried to the next paper."
          decision={decision}
          label={`${reference} noted`}
          work={note}
        />
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

/** The panel granted or refused a request for a new target date, each after a confirmation. */
export function ExtensionDecision({
  reference,
  requested,
  decision,
  decide,
}: {
  reference: string;
  requested: string;
  decision: Decision;
  decide: (grant: boolean) => Promise<unknown>;
}) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <Confirmed
        trigger="Granted"
        title={`Extension for ${reference} granted by the panel?`}
        effect={`The target becomes ${requested}.`}
        decision={decision}
        label={`Extension for ${reference} granted`}
        work={() => decide(true)}
      />
      <Confirmed
        trigger="Refused"
        title={`Extension for ${reference} refused by the panel?`}
        effect="The target stays as it is, and the request no longer waits."
        decision={decision}
        label={`Extension for ${reference} refused`}
        work={() => decide(false)}
      />
    </div>
  );
}
