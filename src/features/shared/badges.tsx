import { Badge } from '@fluentui/react-components';
import { priorityColour, progressRagLabel, statusLabel, type Priority, type ProgressRag, type Status } from '../../domain';

const colourOf = { RED: 'danger', AMBER: 'warning', GREEN: 'success', GREY: 'informative' } as const;

/** Priority is shown as the report does (High RED...), and always with its word: colour is never the only cue. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <Badge appearance="tint" color={colourOf[priorityColour[priority]]} shape="rounded">
      {priority}
    </Badge>
  );
}

export function ProgressBadge({ rag }: { rag: ProgressRag }) {
  return (
    <Badge appearance="filled" color={colourOf[rag]} shape="circular">
      {progressRagLabel[rag]}
    </Badge>
  );
}

export function StatusText({ status }: { status: Status }) {
  return <>{statusLabel[status]}</>;
}
