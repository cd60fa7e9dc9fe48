import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

/** Asks before a recommendation is saved with nobody to update it; the register flags such items. */
export function NoOwnerDialog({ open, reference, onCancel, onConfirm }: { open: boolean; reference: string; onCancel: () => void; onConfirm: () => void }) {
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Save without an owner?</DialogTitle>
          <DialogContent>
            Nobody will be asked for updates on {reference || 'this recommendation'} until an owner is assigned. The register flags it until then.
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Choose an owner
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              Save without an owner
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
