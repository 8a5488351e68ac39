import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineSplitter, parseFramedLine, parseHarnessStream } from '../../server/src/bench/protocol';

// Handmade to the protocol description (marked SYNTHETIC inside), not recorded harness output.
const synthetic = readFileSync(new URL('../fixtures/harness-synthetic-run-robust.txt', import.meta.url), 'utf8');

describe('harness protocol parser', () => {
  it('reads framed records amid console text and carriage returns', () => {
    const out = parseHarnessStream(synthetic);
    expect(out.host?.kernel).toBe('6.1.0-56-amd64');
    expect(out.plan).toMatchObject({ points: 4, profile: 'quick' });
    expect(out.baselines?.memcpyMBps).toHaveLength(2);
    expect(out.clock?.overheadNs.p50).toBe(25);
    expect(out.results.map((r) => `${r.method}/${r.pattern}/${r.sizeBytes}`)).toEqual([
      'ioctl/roundtrip/8',
      'ioctl/roundtrip/65536',
      'mmap/k2u/8',
      'mmap/k2u/65536',
    ]);
    expect(out.results[0]).not.toHaveProperty('type');
    expect(out.notes).toEqual(['mmap (ring): max message 65536 B (ring slot size)']);
    expect(out.robust).toHaveLength(2);
    expect(out.modcycles).toHaveLength(2);
    expect(out.kmsg).toEqual([{ type: 'kmsg', ok: true, lines: 0 }]);
    expect(out.done).toHaveLength(2);
  });

  it('counts a malformed frame instead of throwing', () => {
    const out = parseHarnessStream(synthetic);
    expect(out.badLines).toHaveLength(1);
    expect(out.badLines[0]?.error).toMatch(/not JSON/);
  });

  it('rejects a record that breaks the schema, with the field named', () => {
    const p = parseFramedLine('KCOMM1 {"type":"clock","overheadNs":{"p50":-1,"p99":2}}');
    expect(p.kind).toBe('bad');
    expect(p.kind === 'bad' && p.error).toMatch(/overheadNs\.p50/);
    expect(parseFramedLine('KCOMM1 {"type":"mystery"}').kind).toBe('bad');
    expect(parseFramedLine('[ 1.0] plain console line').kind).toBe('other');
  });

  it('rejects a result with fields the dataset does not have', () => {
    const line =
      'KCOMM1 {"type":"result","method":"ioctl","variant":"","pattern":"roundtrip","sizeBytes":8,' +
      '"latencyNs":{"p50":1,"p90":1,"p99":1,"max":1,"mean":1},"msgsPerSec":1,"MBps":0,"samples":1,"errors":0,"extra":1}';
    expect(parseFramedLine(line).kind).toBe('bad');
  });

  it('joins lines split across chunks and strips \\r', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    s.push('KCOMM1 {"type":"no');
    s.push('te","text":"a"}\r\nKCOMM1 {"type":"note",');
    expect(lines).toEqual(['KCOMM1 {"type":"note","text":"a"}']);
    s.push('"text":"b"}');
    s.flush();
    expect(lines).toHaveLength(2);
    expect(parseFramedLine(lines[1] as string)).toEqual({ kind: 'record', record: { type: 'note', text: 'b' } });
  });
});

describe('recorded harness output', () => {
  // Recorded from the real kcomm-harness (`run --profile stock`) while it had no stock backend yet.
  const recorded = readFileSync(
    new URL('../fixtures/harness-recorded-local-stock-early.jsonl', import.meta.url),
    'utf8',
  );

  it('parses every line the real harness wrote', () => {
    const out = parseHarnessStream(recorded);
    expect(out.badLines).toEqual([]);
    expect(out.host?.cpus).toBeGreaterThan(0);
    expect(out.plan?.profile).toBe('stock');
    expect(out.baselines?.memcpyMBps.some((m) => m.sizeBytes === 65536)).toBe(true);
    expect(out.clock).toBeDefined();
    expect(out.done).toEqual([{ type: 'done', ok: true, elapsedMs: expect.any(Number) }]);
  });
});
