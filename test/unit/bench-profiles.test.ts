// The profiles are spelled once in TypeScript (server/src/bench/profiles.ts); the harness keeps its own
// table in C, prints it with `kcomm-harness profiles`, and this test holds the two equal.
import { beforeAll, describe, expect, it } from 'vitest';
import { harnessJsonLines } from '../../server/src/bench/build';
import { PROFILES } from '../../server/src/bench/profiles';

let printed: unknown[] = [];

beforeAll(async () => {
  printed = await harnessJsonLines(['profiles']);
}, 120_000);

describe('profiles', () => {
  it('are the same in profiles.ts and in the harness', () => {
    expect(printed).toEqual(PROFILES.map(({ summary: _summary, ...p }) => p));
  });

  it('ask for at least 20 blocks a point, in pairs (A-B-B-A)', () => {
    for (const p of PROFILES) {
      expect(p.blocks).toBeGreaterThanOrEqual(20);
      expect(p.blocks % 2).toBe(0);
    }
  });
});
