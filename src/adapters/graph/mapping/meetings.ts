import { selectOf } from '../list-schema';
import { meetingSchema, type Meeting, type TeamsMeetingLink } from '../../../domain';
import type { ListItem } from '../gateway/list-item';
import { type Fields, text, json, dateOnly, parsed } from './fields';

export const meetingSelect = selectOf('meetings');

/** A meeting's own fields. Its Teams link is not among them: only `teamsMeetingFields` writes it, so a meeting saved from an older read never drops it. */
export function meetingToFields(m: Omit<Meeting, 'id' | 'teams'>): Fields {
  return {
    Title: m.title,
    MeetingDate: `${m.date}T10:00:00Z`,
    UpdateDeadline: `${m.updateDeadline}T17:00:00Z`,
    Cycle: m.cycle,
    BoilerplateJson: m.boilerplate ? JSON.stringify(m.boilerplate) : null,
    PaperSettingsJson: m.paperSettings ? JSON.stringify(m.paperSettings) : null,
    IssuedJson: m.issued ? JSON.stringify(m.issued) : null,
  };
}

export function meetingFromItem(item: ListItem): Meeting {
  const f = item.fields;
  return parsed(
    meetingSchema,
    {
      id: item.id,
      title: text(f, 'Title'),
      date: dateOnly(f, 'MeetingDate'),
      updateDeadline: dateOnly(f, 'UpdateDeadline'),
      cycle: text(f, 'Cycle'),
      boilerplate: json(f, 'BoilerplateJson'),
      paperSettings: json(f, 'PaperSettingsJson'),
      issued: json(f, 'IssuedJson'),
      teams: json(f, 'TeamsMeetingJson'),
    },
    `Meeting ${item.id}`,
  );
}

export const teamsMeetingFields = (link: TeamsMeetingLink | undefined): Fields => ({ TeamsMeetingJson: link ? JSON.stringify(link) : null });
