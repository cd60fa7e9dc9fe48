import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';

const useStyles = makeStyles({ fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/**
 * A button that opens a small form in a dialog: nothing happens until the form is confirmed. `onConfirm`
 * answers whether the form was accepted; a refused one stays open with its messages.
 */
export function FormDialog({
  trigger,
  size,
  disabled,
  title,
  confirm,
  onConfirm,
  children,
}: {
  trigger: string;
  size?: 'small' | 'medium';
  disabled?: boolean;
  title: string;
  confirm: string;
  onConfirm: () => boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size={size} disabled={disabled}>
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.fields}>{children}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={() => onConfirm() && setOpen(false)}>
              {confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
