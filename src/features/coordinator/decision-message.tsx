import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { useDecision } from './use-decision';

/** The outcome of the last decision, success or the reason it failed. */
export function DecisionMessage({ message }: { message: ReturnType<typeof useDecision>['message'] }) {
  if (!message) return null;
  return (
    <MessageBar intent={message.intent}>
      <MessageBarBody>{message.text}</MessageBarBody>
    </MessageBar>
  );
}
