import { withoutAppSentence, type AppInstalls } from '../../application/reminders/app-for-owners';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  Select,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import {
  choiceKey,
  outcomeSentence,
  outcomeWords,
  rowsToWrite,
  type ImportPreview,
  type ImportResult,
  type RowAction,
} from '../../application/coordinator/import-register';
import { download } from '../shared/download';
import { useCoordinatorActions } from './data';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  // Emails and long words wrap inside their cell rather than running into the next one.
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  choice: { maxWidth: '100%', minWidth: 0 },
  wrap: { overflowWrap: 'anywhere' },
});

const actionBadge: Record<RowAction, { label: string; color: 'success' | 'brand' | 'informative' | 'danger' }> = {
  create: { label: 'Create', color: 'success' },
  update: { label: 'Change', color: 'brand' },
  unchanged: { label: 'Unchanged', color: 'informative' },
  skip: { label: 'Not imported', color: 'danger' },
};

type Stage =
  | { kind: 'choose' }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; name: string; preview: ImportPreview }
  | { kind: 'writing'; name: string; preview: ImportPreview; done: number; total: number }
  | { kind: 'done'; name: string; result: ImportResult & AppInstalls };

/** The import wizard: choose a file, see what would happen row by row, confirm, watch it write. */
export function ImportPage() {
  const styles = useStyles();
  const actions = useCoordinatorActions();
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [problem, setProblem] = useState<string | undefined>();
  // Rows the coordinator confirmed among those held back (reopening a decided item, moving a target).
  const [confirmed, setConfirmed] = useState<ReadonlySet<number>>(new Set());
  const toggle = (rowNumber: number, on: boolean): void =>
    setConfirmed((previous) => {
      const next = new Set(previous);
      if (on) next.add(rowNumber);
      else next.delete(rowNumber);
      return next;
    });
  // Whom the coordinator chose for each name that matched several people in the directory.
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  const choosePerson = (key: string, email: string): void =>
    setChosen((previous) => {
      const next = new Map(previous);
      if (email) next.set(key, email);
      else next.delete(key);
      return next;
    });

  const choose = async (file: File): Promise<void> => {
    setProblem(undefined);
    setStage({ kind: 'reading', name: file.name });
    try {
      const preview = await actions.previewImport(file);
      if (preview.plan.fileErrors.length > 0) throw new Error(preview.plan.fileErrors.join(' '));
      setConfirmed(new Set());
      setChosen(new Map());
      setStage({ kind: 'preview', name: file.name, preview });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setStage({ kind: 'choose' });
    }
  };

  const confirm = (name: string, preview: ImportPreview): void => {
    const total = rowsToWrite(preview, confirmed).length;
    setStage({ kind: 'writing', name, preview, done: 0, total });
    actions
      .applyImport(preview, confirmed, chosen, (done) => setStage({ kind: 'writing', name, preview, done, total }))
      .then(
        (result) => setStage({ kind: 'done', name, result }),
        (error: unknown) => {
          setProblem(
            `The import stopped: ${error instanceof Error ? error.message : String(error)}. Nothing already written is lost; import the same file again to finish.`,
          );
          setStage({ kind: 'preview', name, preview });
        },
      );
  };
  // A change waits for its tick; a new row is written either way, its directory matches only once ticked.
  const held = (rowNumber: number, action: RowAction, reasons: readonly string[]): boolean =>
    action !== 'create' && reasons.length > 0 && !confirmed.has(rowNumber);
  // What the Import button writes: new and changed rows, and the held ones the coordinator ticked.
  const toWrite = stage.kind === 'preview' ? rowsToWrite(stage.preview, confirmed).length : 0;

  return (
    <section className={styles.page} aria-labelledby="import-title">
      <Title2 as="h1" id="import-title">
        Import a register
      </Title2>
      <Body1>
        One row per recommendation in the template&apos;s columns, as .xlsx or .csv, or a previous paper&apos;s Appendix A as .docx. Ditto marks and blank audit
        cells mean &quot;as above&quot;. Nothing is written until you confirm.
      </Body1>
      <div className={styles.bar}>
        <Button onClick={() => void actions.templateFile().then((blob) => download(blob, 'register-template.xlsx'))}>Download the empty template</Button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,.csv,.docx"
          data-testid="register-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void choose(file);
          }}
        />
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={stage.kind === 'reading' || stage.kind === 'writing'}>
          Choose a register file…
        </Button>
      </div>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The file was not imported</MessageBarTitle>
            {problem}
          </MessageBarBody>
        </MessageBar>
      )}
      {stage.kind === 'reading' && <Body1>Reading {stage.name}…</Body1>}
      {stage.kind === 'writing' && (
        <Field label={`Writing ${stage.done} of ${stage.total}`} validationState="none">
          <ProgressBar value={stage.total === 0 ? 1 : stage.done / stage.total} />
        </Field>
      )}
      {stage.kind === 'done' && (
        <MessageBar intent={stage.result.failed.length + stage.result.conflicts.length + stage.result.withoutApp.length > 0 ? 'warning' : 'success'}>
          <MessageBarBody>
            <MessageBarTitle>Imported {stage.name}</MessageBarTitle>
            {stage.result.written} recommendation(s) written, {stage.result.notes} update note(s) added.
            {[...stage.result.conflicts, ...stage.result.failed].map((f) => ` Row ${f.rowNumber}: ${f.message}.`)}
            {stage.result.withoutApp.length > 0 && ` ${withoutAppSentence(stage.result)}.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {(stage.kind === 'preview' || stage.kind === 'writing') && (
        <>
          {stage.preview.notices.map((notice) => (
            <MessageBar key={notice} intent="warning">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ))}
          <Body1 aria-live="polite">
            {stage.name}: {stage.preview.counts.create} to create, {stage.preview.counts.update} to change, {stage.preview.counts.unchanged} unchanged,{' '}
            {stage.preview.counts.skip} not imported; {stage.preview.counts.warnings} flagged for review; {stage.preview.newAudits.length} new audit(s).
          </Body1>
          {stage.preview.counts.create > 0 && <Body1>Of the new items: {outcomeSentence(stage.preview)}.</Body1>}
          {stage.kind === 'preview' && (
            <div className={styles.bar}>
              <Button appearance="primary" disabled={toWrite === 0} onClick={() => confirm(stage.name, stage.preview)}>
                Import {toWrite} row(s)
              </Button>
              {stage.preview.counts.held > 0 && (
                <Caption1>
                  {stage.preview.counts.held} row(s) to confirm: a change that reopens a decided item or moves a target, or an owner found in the directory.
                  Tick each one to apply it.
                </Caption1>
              )}
              <Button onClick={() => setStage({ kind: 'choose' })}>Cancel</Button>
            </div>
          )}
          <Table aria-label="Import preview" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Row</TableHeaderCell>
                <TableHeaderCell>Recommendation</TableHeaderCell>
                <TableHeaderCell>What happens</TableHeaderCell>
                <TableHeaderCell>Findings</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {stage.preview.rows.map(({ row, action, changes, needsConfirmation, directoryChoices }) => (
                <TableRow key={row.rowNumber}>
                  <TableCell>{row.rowNumber}</TableCell>
                  <TableCell>
                    {row.recommendation.reference} {row.recommendation.title}
                    <Caption1 block>{stage.preview.plan.audits.get(row.auditKey)?.title ?? ''}</Caption1>
                  </TableCell>
                  <TableCell className={styles.wrap}>
                    <Badge appearance="tint" color={held(row.rowNumber, action, needsConfirmation) ? 'warning' : actionBadge[action].color}>
                      {held(row.rowNumber, action, needsConfirmation) ? 'Held' : actionBadge[action].label}
                    </Badge>
                    {action === 'create' && row.imported.outcome !== 'open' && <Caption1 block>{outcomeWords[row.imported.outcome]}</Caption1>}
                    {row.parts.length > 0 && <Caption1 block>In parts {row.parts.map((p) => p.label).join(', ')}, each with its own owner and target</Caption1>}
                    {changes.length > 0 && (
                      <ul className={styles.findings} aria-label={`Changes in row ${row.rowNumber}`}>
                        {changes.map((c) => (
                          <li key={c.field}>
                            {c.field}: {c.before || 'none'} → {c.after || 'none'}
                          </li>
                        ))}
                      </ul>
                    )}
                    {needsConfirmation.length > 0 && (
                      <Checkbox
                        label={`${needsConfirmation.join('; ')}: apply it`}
                        checked={confirmed.has(row.rowNumber)}
                        disabled={stage.kind !== 'preview'}
                        onChange={(_, d) => toggle(row.rowNumber, d.checked === true)}
                      />
                    )}
                    {(directoryChoices ?? []).map(({ name, candidates }) => (
                      <Field key={name} label={`Who is '${name}'?`}>
                        <Select
                          className={styles.choice}
                          value={chosen.get(choiceKey(row.rowNumber, name)) ?? ''}
                          disabled={stage.kind !== 'preview'}
                          onChange={(_, d) => choosePerson(choiceKey(row.rowNumber, name), d.value)}
                        >
                          <option value="">Nobody yet: assign on the item</option>
                          {candidates.map((p) => (
                            <option key={p.email} value={p.email}>
                              {p.name} &lt;{p.email}&gt;
                            </option>
                          ))}
                        </Select>
                      </Field>
                    ))}
                  </TableCell>
                  <TableCell>
                    <ul className={styles.findings}>
                      {row.findings.map((f) => (
                        <li key={f.message}>
                          {f.level === 'error' ? 'Error' : 'Warning'}: {f.message}
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
