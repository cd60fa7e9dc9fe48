import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The import rule keeps dependencies pointing inwards; this proves it still bites. */
describe('architecture boundaries', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const violations = async (file: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message);
  };

  it('refuses project imports in src/domain', async () => {
    expect(await violations('src/domain/probe.ts', "import { connectGraph } from '../adapters/graph/graph-client';\nexport const x = connectGraph;\n")).toEqual([
      expect.stringContaining('src/domain is pure'),
    ]);
  });

  it('refuses adapters in features and the emulator in src', async () => {
    expect(await violations('src/features/probe.ts', "import { ListGateway } from '../adapters/graph/list-gateway';\nexport const x = ListGateway;\n")).toHaveLength(1);
    expect(await violations('src/app/probe.ts', "import { startEmulator } from '../../emulator/server';\nexport const x = startEmulator;\n")).toHaveLength(1);
  });

  it('allows features to use the application and the domain', async () => {
    expect(await violations('src/features/probe.ts', "import { statusLabel } from '../domain';\nexport const x = statusLabel;\n")).toEqual([]);
  });
});
