import { Caption1, Field, Tag, TagPicker, TagPickerControl, TagPickerGroup, TagPickerInput, TagPickerList, TagPickerOption } from '@fluentui/react-components';
import { useState } from 'react';
import { matchesPerson, maxOwners, type Person } from '../../domain';

const noMatch = 'no-match';

/**
 * Up to three owners from the directory. Typing filters the directory by name or address; Enter or a click
 * picks the highlighted person; Backspace in the empty box removes the last owner.
 */
export function PeoplePicker({ people, value, onChange, error }: { people: Person[]; value: Person[]; onChange: (next: Person[]) => void; error?: string }) {
  const [query, setQuery] = useState('');
  // Controlled, so a pasted name opens the matches as typing does.
  const [open, setOpen] = useState(false);
  const chosen = new Set(value.map((p) => p.email));
  const full = value.length >= maxOwners;
  const matches = full ? [] : people.filter((p) => !chosen.has(p.email) && matchesPerson(p, query));
  return (
    <Field
      label={`Owners (up to ${maxOwners})`}
      validationMessage={error ?? (full ? `At most ${maxOwners} owners; give sub-parts their own owners.` : undefined)}
      validationState={error ? 'error' : 'none'}
    >
      <TagPicker
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        selectedOptions={value.map((p) => p.email)}
        onOptionSelect={(_, data) => {
          if (data.value === noMatch) return;
          onChange(
            data.selectedOptions.flatMap((email) => value.find((p) => p.email === email) ?? people.filter((p) => p.email === email)).slice(0, maxOwners),
          );
          setQuery('');
        }}
      >
        <TagPickerControl>
          <TagPickerGroup aria-label="Chosen owners">
            {value.map((p) => (
              <Tag key={p.email} value={p.email} shape="rounded">
                {p.name}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            aria-label="Find an owner"
            placeholder={full ? '' : 'Type a name'}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
            }}
          />
        </TagPickerControl>
        <TagPickerList>
          {matches.length === 0 ? (
            <TagPickerOption value={noMatch} text="" aria-disabled="true">
              {full ? 'Three owners chosen' : `Nobody matches "${query}"`}
            </TagPickerOption>
          ) : (
            matches.map((p) => (
              <TagPickerOption key={p.email} value={p.email} text={p.name}>
                {p.name}
                <Caption1 block>{p.email}</Caption1>
              </TagPickerOption>
            ))
          )}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
