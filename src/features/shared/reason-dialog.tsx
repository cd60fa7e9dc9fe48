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
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';

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
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size={size}>{trigger}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <Field label={label} required validationMessage={error} validationState={error ? 'error' : 'none'}>
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} rows={3} />
            </Field>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                if (!reason.trim()) {
                  setError('Give a reason');
                  return;
                }
                setOpen(false);
                setReason('');
                setError(undefined);
                onConfirm(reason.trim());
              }}
            >
              {confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
