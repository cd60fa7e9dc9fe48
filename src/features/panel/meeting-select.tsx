import { Field, Select } from '@fluentui/react-components';
import type { Meeting } from '../../domain';
import { useDates } from '../shared/dates';

/** Chooses one of the panel meetings, each named with its date. */
export function MeetingSelect({
  label,
  meetings,
  value,
  onChange,
}: {
  label: string;
  meetings: readonly Meeting[];
  value: string;
  onChange: (id: string) => void;
}) {
  const dates = useDates();
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title} ({dates.date(m.date)})
          </option>
        ))}
      </Select>
    </Field>
  );
}
