import { assuranceLevels, priorities, statuses, updateKinds, withdrawals } from '../../domain';

/**
 * The SharePoint lists the app keeps its data in, their columns, indexes and permissions. Provisioning creates
 * them; the repositories read and write them. Names carry no spaces so a list's title works as its id in URLs.
 */
export type ColumnSpec =
  | { name: string; type: 'text'; indexed?: boolean; unique?: boolean }
  | { name: string; type: 'note' }
  | { name: string; type: 'choice'; choices: readonly string[]; indexed?: boolean }
  | { name: string; type: 'dateTime'; indexed?: boolean }
  | { name: string; type: 'boolean' }
  | { name: string; type: 'number' };

/**
 * What a role may do to a list: edit (SharePoint's Edit), read, none, or the two custom levels provisioning
 * creates: contributeOwn (add, edit only what you created, never delete) and addOnly (add, never replace or delete).
 */
export type Access = 'edit' | 'contributeOwn' | 'addOnly' | 'read' | 'none';

export interface ListSpec {
  title: string;
  template: 'genericList' | 'documentLibrary';
  columns: readonly ColumnSpec[];
  access: Record<'coordinator' | 'owner' | 'panel', Access>;
}

export const lists = {
  audits: {
    title: 'AuditTrackerAudits',
    template: 'genericList',
    columns: [
      { name: 'AuditKey', type: 'text', indexed: true, unique: true },
      { name: 'Qualifier', type: 'text' },
      { name: 'IssuedYear', type: 'number' },
      { name: 'IssuedMonth', type: 'number' },
      { name: 'Auditor', type: 'text' },
      { name: 'OpinionText', type: 'text' },
      { name: 'OpinionLevel', type: 'choice', choices: assuranceLevels },
    ],
    access: { coordinator: 'edit', owner: 'read', panel: 'read' },
  },
  recommendations: {
    title: 'AuditTrackerRecommendations',
    template: 'genericList',
    columns: [
      { name: 'RecKey', type: 'text', indexed: true, unique: true },
      { name: 'AuditId', type: 'text', indexed: true },
      { name: 'Reference', type: 'text' },
      { name: 'Priority', type: 'choice', choices: priorities, indexed: true },
      { name: 'Status', type: 'choice', choices: statuses, indexed: true },
      { name: 'StatusChangedAt', type: 'dateTime' },
      { name: 'StatusReason', type: 'note' },
      { name: 'Withdrawal', type: 'choice', choices: withdrawals },
      { name: 'Body', type: 'note' },
      { name: 'ManagementResponse', type: 'note' },
      // Owners are emails (indexed, so "my recommendations" is one indexed query) plus names in OwnersJson.
      { name: 'Owner1', type: 'text', indexed: true },
      { name: 'Owner2', type: 'text', indexed: true },
      { name: 'Owner3', type: 'text', indexed: true },
      { name: 'OwnersJson', type: 'note' },
      // Delegates the coordinator assigned, indexed like owners so a delegate's "my recommendations" is one query.
      { name: 'Delegate1', type: 'text', indexed: true },
      { name: 'Delegate2', type: 'text', indexed: true },
      { name: 'DelegatesJson', type: 'note' },
      // Part owners, indexed like owners so a part owner's "my recommendations" is the same one query.
      { name: 'PartOwner1', type: 'text', indexed: true },
      { name: 'PartOwner2', type: 'text', indexed: true },
      { name: 'PartOwner3', type: 'text', indexed: true },
      { name: 'PartOwner4', type: 'text', indexed: true },
      { name: 'FormerOwnersJson', type: 'note' },
      { name: 'SubPartsJson', type: 'note' },
      // Indexed: an item's page asks which later items repeat it.
      { name: 'RepeatOf', type: 'text', indexed: true },
      { name: 'TargetsJson', type: 'note' },
      { name: 'CurrentDue', type: 'dateTime', indexed: true },
      { name: 'ClosureCondition', type: 'note' },
    ],
    access: { coordinator: 'edit', owner: 'read', panel: 'read' },
  },
  updates: {
    title: 'AuditTrackerUpdates',
    template: 'genericList',
    columns: [
      { name: 'IdempotencyKey', type: 'text', indexed: true, unique: true },
      { name: 'RecommendationId', type: 'text', indexed: true },
      { name: 'Cycle', type: 'text', indexed: true },
      { name: 'Kind', type: 'choice', choices: [...updateKinds, 'delegation', 'delegationEnded'] },
      { name: 'OnBehalfOfJson', type: 'note' },
      { name: 'Part', type: 'text' },
      // An owner's naming of a delegate is a record of their own here (owners cannot write recommendations).
      { name: 'DelegateEmail', type: 'text', indexed: true },
      { name: 'DelegateJson', type: 'note' },
      { name: 'Achieved', type: 'note' },
      { name: 'Remaining', type: 'note' },
      { name: 'Barriers', type: 'note' },
      { name: 'Mitigation', type: 'note' },
      { name: 'ProposesClosure', type: 'boolean' },
      { name: 'ClosureNarrative', type: 'note' },
      { name: 'ClosureCondition', type: 'note' },
      { name: 'EvidenceJson', type: 'note' },
      { name: 'TargetRequestJson', type: 'note' },
      { name: 'Note', type: 'note' },
      { name: 'CollectiveJson', type: 'note' },
      { name: 'SubmittedAt', type: 'dateTime', indexed: true },
    ],
    // Owners add updates and may edit only their own (item-level write security), and never delete one.
    access: { coordinator: 'edit', owner: 'contributeOwn', panel: 'read' },
  },
  meetings: {
    title: 'AuditTrackerMeetings',
    template: 'genericList',
    columns: [
      { name: 'MeetingDate', type: 'dateTime', indexed: true },
      { name: 'UpdateDeadline', type: 'dateTime' },
      { name: 'Cycle', type: 'text', indexed: true, unique: true },
      { name: 'BoilerplateJson', type: 'note' },
      { name: 'PaperSettingsJson', type: 'note' },
      { name: 'IssuedJson', type: 'note' },
      { name: 'TeamsMeetingJson', type: 'note' },
    ],
    access: { coordinator: 'edit', owner: 'read', panel: 'read' },
  },
  decisions: {
    title: 'AuditTrackerDecisions',
    template: 'genericList',
    columns: [
      { name: 'IdempotencyKey', type: 'text', indexed: true, unique: true },
      { name: 'RecommendationId', type: 'text', indexed: true },
      { name: 'MeetingId', type: 'text', indexed: true },
      { name: 'Kind', type: 'text' },
      { name: 'ActorEmail', type: 'text' },
      { name: 'At', type: 'dateTime' },
      { name: 'DetailJson', type: 'note' },
      { name: 'Cycle', type: 'text', indexed: true },
      { name: 'PayloadJson', type: 'note' },
    ],
    access: { coordinator: 'edit', owner: 'read', panel: 'read' },
  },
  panelActions: {
    title: 'AuditTrackerPanelActions',
    template: 'genericList',
    columns: [
      { name: 'ActionKey', type: 'text', indexed: true, unique: true },
      { name: 'RaisedAt', type: 'text', indexed: true },
      { name: 'Who', type: 'text' },
      { name: 'DueAt', type: 'text' },
      { name: 'RecommendationId', type: 'text' },
      { name: 'ActionStatus', type: 'choice', choices: ['open', 'done'], indexed: true },
      { name: 'DoneNote', type: 'note' },
    ],
    access: { coordinator: 'edit', owner: 'read', panel: 'read' },
  },
  reminders: {
    title: 'AuditTrackerReminderLog',
    template: 'genericList',
    columns: [
      { name: 'ReminderKey', type: 'text', indexed: true, unique: true },
      { name: 'OwnerEmail', type: 'text', indexed: true },
      { name: 'Step', type: 'text' },
      { name: 'SentAt', type: 'dateTime' },
      { name: 'Outcome', type: 'choice', choices: ['sent', 'failed'] },
    ],
    access: { coordinator: 'edit', owner: 'none', panel: 'none' },
  },
  preferences: {
    title: 'AuditTrackerPreferences',
    template: 'genericList',
    columns: [
      { name: 'PersonEmail', type: 'text', indexed: true, unique: true },
      { name: 'Delivery', type: 'choice', choices: ['channel', 'feed', 'both'] },
    ],
    // Each owner writes their own choice, and only theirs: it counts only when its author is the person it names.
    access: { coordinator: 'edit', owner: 'contributeOwn', panel: 'contributeOwn' },
  },
  evidence: {
    title: 'AuditTrackerEvidence',
    template: 'documentLibrary',
    columns: [],
    // Owners add files but cannot replace or delete any, their own included; versioning keeps every version.
    access: { coordinator: 'edit', owner: 'addOnly', panel: 'read' },
  },
} as const satisfies Record<string, ListSpec>;

export type ListName = keyof typeof lists;

/** Every field of a list item, Title included: what a read asks for in `$expand=fields($select=…)`. */
export const selectOf = (list: ListName): readonly string[] => ['Title', ...lists[list].columns.map((c) => c.name)];

/** Graph's columnDefinition for a column spec. */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const indexed = 'indexed' in column && column.indexed === true;
  const base = { name: column.name, indexed, ...('unique' in column && column.unique ? { enforceUniqueValues: true } : {}) };
  switch (column.type) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
      return { ...base, text: { allowMultipleLines: true } };
    case 'choice':
      return { ...base, choice: { choices: [...column.choices] } };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'number':
      return { ...base, number: {} };
  }
}
