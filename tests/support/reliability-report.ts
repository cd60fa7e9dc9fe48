/** One check of the reliability suite as it ended, with its figures when it passed. */
export interface CheckOutcome {
  name: string;
  /** The attack it belongs to (tests/reliability/*.attack.ts); none for the main flows under faults. */
  group?: string;
  state: 'passed' | 'failed' | 'skipped';
  figures: { flow: string; runs: number; detail: string }[];
}

/**
 * RELIABILITY.md from the checks that ran: figures only from checks that passed, every failed check named, and
 * "0 lost, 0 duplicated" claimed only when every check passed. A run that skipped checks writes no report.
 */
export function reliabilityReport(
  outcomes: readonly CheckOutcome[],
  context: { date: string; throttled: number; lost: number; conflicts: number; accessCells: number },
): string | undefined {
  if (outcomes.length === 0 || outcomes.some((o) => o.state === 'skipped')) return undefined;
  const failed = outcomes.filter((o) => o.state === 'failed');
  const figures = outcomes.flatMap((o) => (o.state === 'passed' ? o.figures : []));
  const attacks = [...new Set(outcomes.flatMap((o) => (o.group ? [o.group] : [])))].map((group) => {
    const checks = outcomes.filter((o) => o.group === group);
    const passed = checks.filter((o) => o.state === 'passed');
    return `| ${group} | ${passed.length} of ${checks.length} | ${
      passed.length === checks.length
        ? 'held'
        : `**failed**: ${checks
            .filter((o) => o.state === 'failed')
            .map((o) => o.name)
            .join('; ')}`
    } |`;
  });
  const verdict =
    failed.length === 0
      ? '- Records lost: 0; records duplicated: 0 (each flow counts its records after the faults are switched off).\n'
      : `- **${failed.length} of ${outcomes.length} checks failed**, so nothing is claimed about lost or duplicated records:\n${failed.map((f) => `  - ${f.name}`).join('\n')}\n`;
  return (
    `# Reliability\n\nWritten by the reliability suite (\`tests/reliability/reliability.test.ts\`, part of \`npm test\`) on ${context.date}, from the checks that ran and passed.\n\n` +
    `Faults: 10% 429 and 10% 503 (with Retry-After) on every request, and 5% of writes answered 504 after being made ("lost").\n\n` +
    `| flow | runs | checked |\n| --- | --- | --- |\n${figures.map((f) => `| ${f.flow} | ${f.runs} | ${f.detail} |`).join('\n')}\n\n` +
    `- Faults injected: ${context.throttled} throttled, ${context.lost} lost answers.\n- Conflicts detected: ${context.conflicts}.\n${verdict}` +
    `\n## Attacks\n\nEach is a script in \`tests/reliability/\` (raw Graph calls, hostile files, injected crashes), run on its own emulator. The access matrix answered ${context.accessCells} cells (every role × operation × list, forged fields included) exactly as \`docs/deploy.md\` states.\n\n` +
    `| attack | checks passed | result |\n| --- | --- | --- |\n${attacks.join('\n')}\n\n` +
    `- Crash: \`tests/integration/emulator-persistence.test.ts\` kills the emulator with SIGKILL mid-write; every acknowledged write is there after the restart, the store passes SQLite's integrity check, and the client carries on.\n`
  );
}
