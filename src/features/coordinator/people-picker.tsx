import { Combobox, Field, Option } from '@fluentui/react-components';
import type { Person } from '../../domain';

/** Up to three owners from the directory, chosen by name with the keyboard or the mouse. */
export function PeoplePicker({ people, value, onChange, error }: { people: Person[]; value: Person[]; onChange: (next: Person[]) => void; error?: string }) {
  return (
    <Field label="Owners (up to three)" validationMessage={error} validationState={error ? 'error' : 'none'}>
      <Combobox
        multiselect
        placeholder="Type a name"
        selectedOptions={value.map((p) => p.email)}
        value={value.map((p) => p.name).join(', ')}
        onOptionSelect={(_, data) => onChange(people.filter((p) => data.selectedOptions.includes(p.email)).slice(0, 3))}
      >
        {people.map((p) => (
          <Option key={p.email} value={p.email} text={p.name}>
            {p.name} ({p.email})
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
