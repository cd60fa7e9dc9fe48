import { currentTarget, priorityColour, statusLabel, type Recommendation } from '../../domain';

/** What changed in a recommendation between two versions, in words the owner understands. */
export function describeChanges(before: Recommendation, after: Recommendation): string[] {
  const changes: string[] = [];
  if (before.status !== after.status) changes.push(`Status changed from ${statusLabel[before.status]} to ${statusLabel[after.status]}`);
  const [was, now] = [currentTarget(before.targets).text, currentTarget(after.targets).text];
  if (was !== now) changes.push(`Target date changed from ${was || 'none'} to ${now || 'none'}`);
  if (before.priority !== after.priority) changes.push(`Priority changed from ${before.priority} (${priorityColour[before.priority]}) to ${after.priority}`);
  if (before.title !== after.title) changes.push(`Title changed to "${after.title}"`);
  if (before.text !== after.text) changes.push('The recommendation text was edited');
  if (before.managementResponse !== after.managementResponse) changes.push('The management response was edited');
  const owners = (r: Recommendation): string => r.owners.map((o) => o.name).join(', ');
  if (owners(before) !== owners(after)) changes.push(`Owners changed to ${owners(after) || 'nobody'}`);
  const delegates = (r: Recommendation): string => (r.delegates ?? []).map((o) => o.name).join(', ');
  if (delegates(before) !== delegates(after)) changes.push(`Delegates changed to ${delegates(after) || 'nobody'}`);
  if ((before.statusReason ?? '') !== (after.statusReason ?? '')) changes.push(`Coordinator's comment: ${after.statusReason ?? ''}`);
  if ((before.repeatOf ?? '') !== (after.repeatOf ?? ''))
    changes.push(after.repeatOf ? 'Linked as a repeat of an earlier recommendation' : 'Repeat link removed');
  if ((before.closureCondition ?? '') !== (after.closureCondition ?? '')) changes.push(`Closure condition: ${after.closureCondition || 'none'}`);
  return changes.length > 0 ? changes : ['The recommendation was saved again with no visible change'];
}
