import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { describeReading, parseTargetDate, revisionApprovers, type RevisionApprover, type TargetDate } from '../../domain';
import { FormDialog } from '../shared/form-dialog';
import { useSession } from '../shared/session-context';

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
  const { targetReading } = useSession();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [approvedBy, setApprovedBy] = useState<RevisionApprover>('coordinator');
  const [errors, setErrors] = useState<{ text?: string; reason?: string }>({});
  const target = parseTargetDate(text, targetReading);
  const revise = mode === 'revise';
  const confirm = (): boolean => {
    const found = { text: text.trim() ? undefined : 'Write the target as it is worded', reason: reason.trim() ? undefined : 'Give a reason' };
    setErrors(found);
    if (found.text || found.reason) return false;
    setText('');
    setReason('');
    onConfirm({ target, reason: reason.trim(), approvedBy });
    return true;
  };
  const title = revise ? 'Record a revised target' : 'Correct the original target';
  return (
    <FormDialog trigger={`${title}…`} disabled={busy} title={title} confirm={revise ? 'Record revision' : 'Correct original'} onConfirm={confirm}>
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
    </FormDialog>
  );
}
