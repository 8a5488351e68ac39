// The app's layering (app → features → shared) is enforced by eslint.config.js; this checks that the rules
// fire, so that a change to the config cannot quietly switch them off.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering: app → features → shared', { timeout: 60_000 }, () => {
  it('refuses a feature importing another feature, by alias or by relative path, or the app', async () => {
    const file = 'src/features/benchmarks/components/Probe.tsx';
    expect(await importErrors(file, "import { x } from '#src/features/wizard/components/WizardPage';")).toEqual([
      expect.stringContaining('not another feature'),
    ]);
    expect(await importErrors(file, "import { x } from '../../results/components/TopPicks';")).toHaveLength(1);
    expect(await importErrors(file, "import { x } from '#src/app/router';")).toHaveLength(1);
  });

  it('lets a feature import itself and shared code', async () => {
    const file = 'src/features/benchmarks/components/Probe.tsx';
    expect(await importErrors(file, "import { x } from '#src/features/benchmarks/utils/provenance';")).toEqual([]);
    expect(await importErrors(file, "import { x } from '#src/lib/paths';")).toEqual([]);
    expect(await importErrors(file, "import { x } from '../utils/provenance';")).toEqual([]);
  });

  it('refuses shared code importing a feature or the app', async () => {
    for (const file of ['src/lib/probe.ts', 'src/components/Probe.tsx', 'src/core/probe.ts']) {
      expect(await importErrors(file, "import { x } from '#src/features/methods/components/MethodPage';")).toHaveLength(
        1,
      );
      expect(await importErrors(file, "import { x } from '../app/router';")).toHaveLength(1);
    }
  });
});
