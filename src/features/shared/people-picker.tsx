import { Caption1, Field, Tag, TagPicker, TagPickerControl, TagPickerGroup, TagPickerInput, TagPickerList, TagPickerOption } from '@fluentui/react-components';
import { useState } from 'react';
import { matchesPerson, maxDelegates, maxOwners, type Person } from '../../domain';

const noMatch = 'no-match';

/** Who the picker chooses: owners (the default, up to three) or delegates, in the words its labels use. */
export interface PickerRole {
  /** The people chosen, capitalised: "Owners". */
  plural: string;
  find: string;
  max: number;
  /** Said when the limit is reached. */
  full: string;
  /** The field's label, when "<plural> (up to <max>)" does not say it. */
  label?: string;
}

export const delegateRole: PickerRole = {
  plural: 'Delegates',
  find: 'Find a delegate',
  max: maxDelegates,
  full: `At most ${maxDelegates} delegates: deputies who write updates for the owners.`,
};

export const ownerRole: PickerRole = {
  plural: 'Owners',
  find: 'Find an owner',
  max: maxOwners,
  full: `At most ${maxOwners} owners; give sub-parts their own owners.`,
};

/**
 * People from the directory, up to a limit. Typing filters the directory by name or address; Enter or a click
 * picks the highlighted person; Backspace in the empty box removes the last one chosen.
 */
export function PeoplePicker({
  people,
  value,
  onChange,
  error,
  role = ownerRole,
}: {
  people: Person[];
  value: Person[];
  onChange: (next: Person[]) => void;
  error?: string;
  role?: PickerRole;
}) {
  const [query, setQuery] = useState('');
  // Controlled, so a pasted name opens the matches as typing does.
  const [open, setOpen] = useState(false);
  const chosen = new Set(value.map((p) => p.email));
  const full = value.length >= role.max;
  const matches = full ? [] : people.filter((p) => !chosen.has(p.email) && matchesPerson(p, query));
  return (
    <Field
      label={role.label ?? `${role.plural} (up to ${role.max})`}
      validationMessage={error ?? (full ? role.full : undefined)}
      validationState={error ? 'error' : 'none'}
    >
      <TagPicker
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        selectedOptions={value.map((p) => p.email)}
        onOptionSelect={(_, data) => {
          if (data.value === noMatch) return;
          onChange(data.selectedOptions.flatMap((email) => value.find((p) => p.email === email) ?? people.filter((p) => p.email === email)).slice(0, role.max));
          setQuery('');
        }}
      >
        <TagPickerControl>
          <TagPickerGroup aria-label={`Chosen ${role.plural.toLowerCase()}`}>
            {value.map((p) => (
              <Tag key={p.email} value={p.email} shape="rounded">
                {p.name}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            aria-label={role.find}
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
              {full ? `${role.max} ${role.plural.toLowerCase()} chosen` : `Nobody matches "${query}"`}
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
