import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { DecisionOutcome } from './use-decision';

/** The outcome of the last decision, success or the reason it failed, with a way to open the item it names. */
export function DecisionMessage({ message, onOpen }: { message: DecisionOutcome | undefined; onOpen?: (id: string) => void }) {
  if (!message) return null;
  const id = message.recommendationId;
  return (
    <MessageBar intent={message.intent}>
      <MessageBarBody>{message.text}</MessageBarBody>
      {id && onOpen && (
        <MessageBarActions>
          <Button onClick={() => onOpen(id)}>Open it</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
