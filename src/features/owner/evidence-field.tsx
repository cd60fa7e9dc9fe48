import { Button, Caption1, Field, Input, ProgressBar, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { EvidenceStore } from '../../application/ports';
import { describedEvidenceKinds, describedEvidencePrompt, evidenceLabel, isSafeLink, type EvidenceRef } from '../../domain';
import { EvidenceItem } from '../shared/evidence-item';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

const megabytes = (bytes: number): string => (bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

type DescribedKind = (typeof describedEvidenceKinds)[number];

/**
 * Evidence for a closure: files uploaded to the evidence library with progress, links to existing documents, or
 * evidence described in words (held elsewhere, a verbal update at a meeting, papers given to the panel, another
 * body's approval). Whatever the kind, a proposal needs at least one.
 */
export function EvidenceField({
  value,
  onChange,
  evidence,
  folder,
  limit,
  error,
}: {
  value: EvidenceRef[];
  onChange: (next: EvidenceRef[]) => void;
  evidence: EvidenceStore;
  folder: string;
  limit: number;
  error?: string;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<{ name: string; sent: number; total: number } | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [link, setLink] = useState('');
  const [describedKind, setDescribedKind] = useState<DescribedKind>('heldElsewhere');
  const [description, setDescription] = useState('');

  const attach = async (file: File): Promise<void> => {
    setProblem(undefined);
    if (file.size > limit) {
      setProblem(`${file.name} is ${megabytes(file.size)}; evidence files can be at most ${megabytes(limit)}. Link to it in SharePoint instead.`);
      return;
    }
    setUpload({ name: file.name, sent: 0, total: file.size });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const ref = await evidence.upload(folder, { name: file.name, type: file.type, bytes }, (p) => setUpload({ name: file.name, ...p }));
      onChange([...value, ref]);
    } catch (e) {
      setProblem(`${file.name} could not be uploaded: ${e instanceof Error ? e.message : String(e)}. Try again.`);
    } finally {
      setUpload(undefined);
    }
  };

  const addLink = (): void => {
    let url: URL;
    try {
      url = new URL(link.trim());
    } catch {
      setProblem('Paste the full address of the document, starting with https://');
      return;
    }
    if (!isSafeLink(url.toString())) {
      setProblem('Links must start with https://');
      return;
    }
    setProblem(undefined);
    onChange([...value, { kind: 'link', name: decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? url.hostname), url: url.toString() }]);
    setLink('');
  };

  const addDescription = (): void => {
    if (!description.trim()) {
      setProblem(describedEvidencePrompt[describedKind].prompt);
      return;
    }
    setProblem(undefined);
    onChange([...value, { kind: describedKind, name: description.trim() }]);
    setDescription('');
  };

  return (
    <Field
      label="Evidence"
      required
      validationMessage={problem ?? error}
      validationState={problem || error ? 'error' : 'none'}
      hint={`Upload a file (at most ${megabytes(limit)}), link to a document already in SharePoint, or say where the evidence is.`}
    >
      <div>
        {value.length > 0 && (
          <ul className={styles.list} aria-label="Attached evidence">
            {value.map((ref, index) => (
              <li key={`${ref.url ?? ref.name}-${index}`}>
                <EvidenceItem evidence={ref} /> {ref.size !== undefined && <Caption1>({megabytes(ref.size)})</Caption1>}{' '}
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                  aria-label={`Remove ${evidenceLabel(ref)}`}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        {upload && (
          <Field validationMessage={`Uploading ${upload.name}: ${Math.round((upload.sent / Math.max(upload.total, 1)) * 100)}%`} validationState="none">
            <ProgressBar value={upload.sent / Math.max(upload.total, 1)} aria-label={`Uploading ${upload.name}`} />
          </Field>
        )}
        <div className={styles.row}>
          <input
            ref={input}
            type="file"
            hidden
            aria-label="Evidence file"
            data-testid="evidence-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void attach(file);
            }}
          />
          <Button onClick={() => input.current?.click()} disabled={upload !== undefined}>
            Upload a file
          </Button>
          <Input
            aria-label="Link to a SharePoint document"
            placeholder="https://…sharepoint.com/…"
            value={link}
            onChange={(_, d) => setLink(d.value)}
            // Enter here adds the link; it must not submit the whole update (and its closure proposal).
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (link.trim()) addLink();
            }}
          />
          <Button onClick={addLink} disabled={!link.trim()}>
            Add link
          </Button>
        </div>
        <div className={styles.row}>
          <Select aria-label="Other evidence" value={describedKind} onChange={(_, d) => setDescribedKind(d.value as DescribedKind)}>
            {describedEvidenceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {describedEvidencePrompt[kind].choice}
              </option>
            ))}
          </Select>
          <Input
            aria-label={describedEvidencePrompt[describedKind].prompt}
            placeholder={describedEvidencePrompt[describedKind].prompt}
            value={description}
            onChange={(_, d) => setDescription(d.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              addDescription();
            }}
          />
          <Button onClick={addDescription} disabled={!description.trim()}>
            Add
          </Button>
        </div>
      </div>
    </Field>
  );
}
