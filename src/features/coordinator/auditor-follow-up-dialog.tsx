import { Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import {
  auditorFollowUpSchema,
  fieldErrors,
  followUpEffect,
  followUpVerdictLabel,
  followUpVerdicts,
  type AuditorFollowUp,
  type FollowUpVerdict,
  type Status,
} from '../../domain';
import { fieldError } from '../shared/field-error';
import { FormDialog } from '../shared/form-dialog';

/**
 * Records what an auditor's follow-up found. The dialog says beforehand what the verdict will do: reopen a closed
 * item, or (found implemented) let the coordinator put it forward for closure on that evidence at once.
 */
export function AuditorFollowUpDialog({
  status,
  auditor,
  today,
  busy,
  onRecord,
}: {
  status: Status;
  auditor: string;
  today: string;
  busy: boolean;
  onRecord: (followUp: AuditorFollowUp, putForward: boolean) => void;
}) {
  const [value, setValue] = useState<AuditorFollowUp>({ auditor, date: today, verdict: 'implemented', note: '' });
  const [putForward, setPutForward] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const effect = followUpEffect(status, value.verdict);
  const record = (): boolean => {
    const parsed = auditorFollowUpSchema.safeParse(value);
    const found = !parsed.success
      ? fieldErrors(parsed.error)
      : effect === 'reopens' && !parsed.data.note
        ? { note: 'Say what the auditor found, for the owner and the panel' }
        : {};
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return false;
    onRecord(parsed.data, effect === 'mayPropose' && putForward);
    return true;
  };
  return (
    <FormDialog
      trigger="Record an auditor follow-up…"
      disabled={busy}
      title="Record an auditor follow-up"
      confirm={effect === 'reopens' ? 'Record and reopen' : 'Record follow-up'}
      onConfirm={record}
    >
      <Field label="Auditor" required {...fieldError(errors, 'auditor')}>
        <Input value={value.auditor} onChange={(_, d) => setValue({ ...value, auditor: d.value })} />
      </Field>
      <Field label="Date of the follow-up" required {...fieldError(errors, 'date')}>
        <Input type="date" value={value.date} onChange={(_, d) => setValue({ ...value, date: d.value })} />
      </Field>
      <Field label="Verdict" required>
        <Select value={value.verdict} onChange={(_, d) => setValue({ ...value, verdict: d.value as FollowUpVerdict })}>
          {followUpVerdicts.map((verdict) => (
            <option key={verdict} value={verdict}>
              {followUpVerdictLabel[verdict]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="What the auditor found" required={effect === 'reopens'} {...fieldError(errors, 'note')}>
        <Textarea value={value.note} onChange={(_, d) => setValue({ ...value, note: d.value })} rows={3} />
      </Field>
      {effect === 'reopens' && <Field hint="The recommendation is closed: this verdict reopens it, and the next paper reports it." />}
      {effect === 'mayPropose' && (
        <Checkbox
          checked={putForward}
          onChange={(_, d) => setPutForward(d.checked === true)}
          label="Put the recommendation forward for closure on this follow-up (proposed closed)"
        />
      )}
    </FormDialog>
  );
}
