import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { describeReading, parseTargetDate, revisionApprovers, type RevisionApprover, type TargetDate } from '../../domain';
import { useSession } from '../shared/session-context';

const useStyles = makeStyles({ fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

const approverLabel: Record<RevisionApprover, string> = { coordinator: 'The audit coordinator', panel: 'The panel', management: 'Management' };

/**
 * A target in the organisation's own words, read back as it is typed: a revision (with who agreed it) or a
 * correction of the original. Nothing is written without a reason.
 */
export function TargetDialog({
  mode,
  busy,
  onConfirm,
}: {
  mode: 'revise' | 'correct';
  busy: boolean;
  onConfirm: (value: { target: TargetDate; reason: string; approvedBy: RevisionApprover }) => void;
}) {
  const styles = useStyles();
  const { targetReading } = useSession();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [approvedBy, setApprovedBy] = useState<RevisionApprover>('coordinator');
  const [errors, setErrors] = useState<{ text?: string; reason?: string }>({});
  const target = parseTargetDate(text, targetReading);
  const revise = mode === 'revise';
  const confirm = (): void => {
    const found = { text: text.trim() ? undefined : 'Write the target as it is worded', reason: reason.trim() ? undefined : 'Give a reason' };
    if (found.text || found.reason) return setErrors(found);
    setErrors({});
    setOpen(false);
    setText('');
    setReason('');
    onConfirm({ target, reason: reason.trim(), approvedBy });
  };
  const title = revise ? 'Record a revised target' : 'Correct the original target';
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={busy}>{title}…</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.fields}>
            <Field
              label={revise ? 'New target, as worded' : 'Original target, as it should have been'}
              required
              validationMessage={errors.text}
              validationState={errors.text ? 'error' : 'none'}
              hint={text.trim() ? describeReading(target) : 'e.g. 3rd Qtr 2025-26, TBC – final checks, next financial year 25/26'}
            >
              <Input value={text} onChange={(_, d) => setText(d.value)} />
            </Field>
            {revise && (
              <Field label="Agreed by" required>
                <Select value={approvedBy} onChange={(_, d) => setApprovedBy(d.value as RevisionApprover)}>
                  {revisionApprovers.map((approver) => (
                    <option key={approver} value={approver}>
                      {approverLabel[approver]}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field
              label={revise ? 'Why the date moved' : 'Why the original was wrong'}
              required
              validationMessage={errors.reason}
              validationState={errors.reason ? 'error' : 'none'}
            >
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} rows={2} />
            </Field>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={confirm}>
              {revise ? 'Record revision' : 'Correct original'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
