import { selectOf } from '../list-schema';
import { panelActionSchema, type PanelAction } from '../../../domain';
import type { Versioned } from '../../../application/ports';
import type { ListItem } from '../gateway/list-item';
import { type Fields, text, optionalText, parsed } from './fields';

export const panelActionSelect = selectOf('panelActions');

export function panelActionToFields(a: Omit<PanelAction, 'id'> & { key: string }): Fields {
  return {
    Title: a.text,
    ActionKey: a.key,
    RaisedAt: a.raisedAt,
    Who: a.who,
    DueAt: a.dueAt ?? null,
    RecommendationId: a.recommendationId ?? null,
    ActionStatus: a.status,
    DoneNote: a.doneNote ?? null,
  };
}

export function panelActionFromItem(item: ListItem): Versioned<PanelAction> {
  const f = item.fields;
  return {
    etag: item.etag,
    value: parsed(
      panelActionSchema,
      {
        id: item.id,
        raisedAt: text(f, 'RaisedAt'),
        text: text(f, 'Title'),
        who: text(f, 'Who'),
        dueAt: optionalText(f, 'DueAt'),
        recommendationId: optionalText(f, 'RecommendationId'),
        status: f.ActionStatus,
        doneNote: optionalText(f, 'DoneNote'),
      },
      `Panel action ${item.id}`,
    ),
  };
}
