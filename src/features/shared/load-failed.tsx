import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** What every screen shows when its data could not be read: the reason, and a way to try again. */
export function LoadFailed({ problem, error, onRetry, children }: { problem: string; error: Error; onRetry: () => void; children?: ReactNode }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        {problem}: {error.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>Try again</Button>
        {children}
      </MessageBarActions>
    </MessageBar>
  );
}
