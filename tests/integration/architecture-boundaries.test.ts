import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The import rule keeps dependencies pointing inwards; this proves it still bites. */
describe('architecture boundaries', { timeout: 60_000 }, () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  /** Lints a probe file written beside the code it pretends to be (the cycle rule reads real files), then removes it. */
  const violations = async (file: string, code: string, rule = 'import/no-restricted-paths', exactName = false): Promise<string[]> => {
    const probe = exactName ? file : join(dirname(file), `probe-${randomUUID()}${file.slice(file.lastIndexOf('.'))}`);
    writeFileSync(probe, code);
    try {
      const [result] = await eslint.lintFiles([probe]);
      return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
    } finally {
      rmSync(probe, { force: true });
    }
  };

  it('refuses project imports in src/domain', async () => {
    expect(await violations('src/domain/probe.ts', "import { connectGraph } from '../adapters/graph/graph-client';\nexport const x = connectGraph;\n")).toEqual(
      [expect.stringContaining('src/domain is pure')],
    );
  });

  it('refuses adapters in features and the emulator in src', async () => {
    expect(
      await violations('src/features/probe.ts', "import { ListGateway } from '../adapters/graph/list-gateway';\nexport const x = ListGateway;\n"),
    ).toHaveLength(1);
    expect(await violations('src/app/probe.ts', "import { startEmulator } from '../../emulator/server';\nexport const x = startEmulator;\n")).toHaveLength(1);
  });

  it('allows features to use the application and the domain', async () => {
    expect(await violations('src/features/probe.ts', "import { statusLabel } from '../domain';\nexport const x = statusLabel;\n")).toEqual([]);
  });

  it('refuses one feature importing another, and allows features/shared', async () => {
    expect(
      await violations('src/features/panel/probe.tsx', "import { NoOwnerDialog } from '../coordinator/no-owner-dialog';\nexport const x = NoOwnerDialog;\n"),
    ).toEqual([expect.stringContaining('A feature imports no other feature')]);
    expect(await violations('src/features/panel/probe.tsx', "import { useDecision } from '../shared/use-decision';\nexport const x = useDecision;\n")).toEqual(
      [],
    );
  });

  it('refuses an import cycle', async () => {
    // Two modules that import each other: the probe, and one written beside it that imports the probe back.
    const id = randomUUID();
    const back = `src/domain/back-${id}.ts`;
    writeFileSync(back, `import { x } from './cycle-${id}';\nexport const y = x;\n`);
    try {
      const probe = `import { y } from './back-${id}';\nexport const x = 1;\nexport const z = y;\n`;
      expect(await violations(`src/domain/cycle-${id}.ts`, probe, 'import/no-cycle', true)).toHaveLength(1);
    } finally {
      rmSync(back, { force: true });
    }
  });

  it('refuses a hook called conditionally, and a click handler on a bare div', async () => {
    const hooks = "import { useState } from 'react';\nexport function P({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n";
    expect(await violations('src/features/owner/probe.tsx', hooks, 'react-hooks/rules-of-hooks')).toHaveLength(1);
    const div = 'export const P = () => <div onClick={() => undefined}>Open</div>;\n';
    expect(await violations('src/features/owner/probe.tsx', div, 'jsx-a11y/click-events-have-key-events')).toHaveLength(1);
  });

  it("refuses a screen reaching the store instead of its feature's data hooks", async () => {
    const screen =
      "import { useSession } from '../shared/session-context';\nexport function P() {\n  const session = useSession();\n  void session.store.loadRegister();\n  return null;\n}\n";
    expect(await violations('src/features/coordinator/probe.tsx', screen, 'no-restricted-syntax')).toEqual([expect.stringContaining('data hooks')]);
  });
});
