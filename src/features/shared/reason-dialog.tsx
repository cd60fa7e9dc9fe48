import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog } from './form-dialog';

/** Asks for the comment a decision needs before it is made; nothing happens until it is confirmed. */
export function ReasonDialog({
  trigger,
  title,
  label,
  confirm,
  onConfirm,
  size,
}: {
  trigger: string;
  /** The trigger's size, to match the buttons beside it. */
  size?: 'small' | 'medium';
  title: string;
  label: string;
  confirm: string;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <FormDialog
      trigger={trigger}
      size={size}
      title={title}
      confirm={confirm}
      onConfirm={() => {
        if (!reason.trim()) {
          setError('Give a reason');
          return false;
        }
        setReason('');
        setError(undefined);
        onConfirm(reason.trim());
        return true;
      }}
    >
      <Field label={label} required validationMessage={error} validationState={error ? 'error' : 'none'}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} rows={3} />
      </Field>
    </FormDialog>
  );
}
