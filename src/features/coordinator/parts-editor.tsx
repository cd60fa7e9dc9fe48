import { Button, Field, Input, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { organisationToday, parseTargetDate, partStatuses, partStatusLabel, type Person, type SubPart } from '../../domain';
import { fieldError } from '../shared/field-error';
import { PeoplePicker, type PickerRole } from '../shared/people-picker';

const useStyles = makeStyles({
  parts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'stretch' },
  button: { alignSelf: 'flex-start' },
  part: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const partOwnerRole: PickerRole = { plural: 'Part owners', find: 'Find the part’s owner', max: 3, full: 'At most 3 owners for one part.' };

/** The next unused letter: a, b, c ... */
const nextLabel = (parts: readonly SubPart[]): string =>
  'abcdefghijklmnopqrstuvwxyz'.split('').find((l) => !parts.some((p) => p.label.toLowerCase() === l)) ?? String(parts.length + 1);

/**
 * The coordinator's editor for a recommendation's parts (a, b, ...), each with its own text, owner, target and
 * status. Nothing is stored until the recommendation is saved, so removing a part here is undone by not saving.
 */
export function PartsEditor({
  parts,
  people,
  errors,
  onChange,
}: {
  parts: SubPart[];
  people: Person[];
  errors: Record<string, string>;
  onChange: (parts: SubPart[]) => void;
}) {
  const styles = useStyles();
  const setPart = (index: number, patch: Partial<SubPart>): void => onChange(parts.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <section aria-labelledby="parts-title" className={styles.parts}>
      <Subtitle2 as="h3" id="parts-title">
        Parts
      </Subtitle2>
      {errors.subParts && <Field {...fieldError(errors, 'subParts')} />}
      {parts.map((part, index) => (
        <div key={index} className={styles.part} role="group" aria-label={`Part ${part.label}`}>
          <Field label="Label" {...fieldError(errors, `subParts.${index}.label`)}>
            <Input value={part.label} onChange={(_, d) => setPart(index, { label: d.value })} />
          </Field>
          <Field label="Text">
            <Textarea value={part.text} onChange={(_, d) => setPart(index, { text: d.value })} rows={2} />
          </Field>
          <PeoplePicker
            people={people}
            value={part.owners}
            onChange={(owners) => setPart(index, { owners })}
            error={errors[`subParts.${index}.owners`]}
            role={partOwnerRole}
          />
          <Field label="Target, as the organisation writes it">
            <Input value={part.target.text} onChange={(_, d) => setPart(index, { target: parseTargetDate(d.value) })} />
          </Field>
          <Field label="Status">
            <Select
              value={part.status}
              onChange={(_, d) => {
                const status = d.value as SubPart['status'];
                setPart(index, { status, doneOn: status === 'done' ? organisationToday(new Date()) : undefined });
              }}
            >
              {partStatuses.map((s) => (
                <option key={s} value={s}>
                  {partStatusLabel[s]}
                </option>
              ))}
            </Select>
          </Field>
          <Button className={styles.button} onClick={() => onChange(parts.filter((_, i) => i !== index))}>
            Remove part {part.label}
          </Button>
        </div>
      ))}
      <Button
        className={styles.button}
        onClick={() => onChange([...parts, { label: nextLabel(parts), text: '', owners: [], target: parseTargetDate(''), status: 'open' }])}
      >
        Add a part
      </Button>
    </section>
  );
}
