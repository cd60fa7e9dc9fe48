import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  cycleLabel,
  defaultBoilerplate,
  defaultPaperSettings,
  fieldErrors,
  meetingSchema,
  type Meeting,
  type PaperBoilerplate,
  type PaperSettings,
} from '../../domain';
import { fieldError } from '../shared/field-error';
import { useScheduleMeeting } from './data';

type TextKey = Exclude<keyof PaperBoilerplate, 'implications'>;
const wording: [TextKey, string][] = [
  ['organisation', 'Organisation (in the footer)'],
  ['reportOf', 'Report of'],
  ['subject', 'Subject'],
  ['author', 'Author'],
  ['background', 'Brief background'],
  ['purpose', 'Purpose of report'],
  ['grading', 'Paragraph 3: how recommendations are graded'],
  ['smartTargets', 'Paragraph on SMART target dates'],
  ['recommendation', 'Recommendation to the panel'],
  ['backgroundPapers', 'Background papers'],
  ['contacts', 'Contacts'],
];
const implications: [keyof PaperBoilerplate['implications'], string][] = [
  ['financial', 'Financial implications'],
  ['legal', 'Legal implications'],
  ['equality', 'Equality impact assessment'],
  ['risks', 'Risks and impact'],
  ['plan', 'Link to the plan'],
];

/** Creates a meeting or edits one, with the paper's wording kept with it. */
export function MeetingEditor({ meeting, onSaved }: { meeting?: Meeting; onSaved: (saved: Meeting) => void }) {
  const schedule = useScheduleMeeting();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ title: meeting?.title ?? '', date: meeting?.date ?? '', updateDeadline: meeting?.updateDeadline ?? '' });
  const [text, setText] = useState<PaperBoilerplate>(meeting?.boilerplate ?? defaultBoilerplate);
  const [settings, setSettings] = useState<PaperSettings>(meeting?.paperSettings ?? defaultPaperSettings);
  const [error, setError] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const save = (): void => {
    const candidate = {
      id: meeting?.id ?? 'new',
      ...form,
      cycle: form.updateDeadline ? cycleLabel(form.updateDeadline) : '',
      boilerplate: text,
      paperSettings: settings,
      // Editing the wording or dates never forgets the paper already issued, nor its closed decisions.
      issued: meeting?.issued,
    };
    const checked = meetingSchema.safeParse(candidate);
    if (!checked.success) {
      // The cycle is named from the deadline, so its problem is the deadline's.
      const { cycle, ...found } = fieldErrors(checked.error);
      setErrors(cycle ? { updateDeadline: cycle, ...found } : found);
      return;
    }
    setErrors({});
    setSaving(true);
    const { id: _id, ...rest } = checked.data;
    schedule(rest)
      .then(
        (saved) => {
          setOpen(false);
          onSaved(saved);
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => setSaving(false));
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{meeting ? 'Edit…' : 'New meeting…'}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{meeting ? 'Edit the meeting' : 'New panel meeting'}</DialogTitle>
          <DialogContent>
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            <Field label="Title" required {...fieldError(errors, 'title')}>
              <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
            </Field>
            <Field label="Meeting date" required {...fieldError(errors, 'date')}>
              <Input type="date" value={form.date} onChange={(_, d) => setForm({ ...form, date: d.value })} />
            </Field>
            <Field
              label="Updates due by"
              required
              {...fieldError(errors, 'updateDeadline')}
              hint={form.updateDeadline ? `Owners update for the ${cycleLabel(form.updateDeadline)} cycle` : undefined}
            >
              <Input type="date" value={form.updateDeadline} onChange={(_, d) => setForm({ ...form, updateDeadline: d.value })} />
            </Field>
            <Field label="Appendix A prints">
              <RadioGroup
                value={settings.appendixHistory}
                onChange={(_, d) => setSettings({ ...settings, appendixHistory: d.value === 'sinceDecision' ? 'sinceDecision' : 'full' })}
              >
                <Radio value="full" label="Each item's full history of updates" />
                <Radio value="sinceDecision" label="Updates since the panel last decided on the item" />
              </RadioGroup>
            </Field>
            <Checkbox
              label="Open the paper with the programme's figures (the dashboard's, as bar charts)"
              checked={settings.programmeFigures}
              onChange={(_, d) => setSettings({ ...settings, programmeFigures: d.checked === true })}
            />
            <Field label="Protective marking" hint="Printed at the top and foot of every page, for example OFFICIAL; leave blank for none">
              <Input
                value={settings.protectiveMarking ?? ''}
                onChange={(_, d) => setSettings({ ...settings, protectiveMarking: d.value.trim() ? d.value : undefined })}
              />
            </Field>
            {wording.map(([key, label]) => (
              <Field key={key} label={label}>
                <Textarea value={text[key]} onChange={(_, d) => setText({ ...text, [key]: d.value })} rows={2} />
              </Field>
            ))}
            {implications.map(([key, label]) => (
              <Field key={key} label={label}>
                <Textarea
                  value={text.implications[key]}
                  onChange={(_, d) => setText({ ...text, implications: { ...text.implications, [key]: d.value } })}
                  rows={1}
                />
              </Field>
            ))}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={save} disabled={saving}>
              Save meeting
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
