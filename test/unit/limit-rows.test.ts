import { describe, expect, it } from 'vitest';
import { LIMIT_ROW_KEYS, limitRows } from '../../src/lib/limit-rows';
import { shippedCatalogue } from '../support/shipped-data';

const catalogue = shippedCatalogue();

describe('the method page lists every hard limit with its source', () => {
  it.each(catalogue.methods.map((m) => [m.id, m] as const))('%s: one row per limit, in words, sourced', (_, m) => {
    const rows = limitRows(m);
    const keys = rows.map((r) => r.key);
    // In the order the compare table lines several methods up by.
    expect(keys).toEqual(LIMIT_ROW_KEYS.filter((k) => keys.includes(k)));
    for (const k of Object.keys(m.limits)) if (k !== 'viaLayer' || m.limits.viaLayer) expect(keys).toContain(k);
    if (m.existingData) expect(keys).toContain('existingData');
    for (const r of rows) {
      expect(r.value).toMatch(/\S/);
      expect(r.value).not.toMatch(/undefined|null|NaN|\[object/);
      if (r.key !== 'viaLayer') expect(r.source).toMatch(/\S/);
    }
  });

  it('says the values a reviewer checks in words', () => {
    const byId = (id: string) => limitRows(catalogue.methods.find((m) => m.id === id)!);
    const row = (id: string, key: string) => byId(id).find((r) => r.key === key)!;
    expect(row('eventfd', 'maxPayloadBytes').value).toBe('8 B');
    expect(row('bpf-ringbuf', 'producerCanWait').value).toBe('no');
    expect(row('connector', 'existingData').value).toBe('processes (where the kernel puts it)');
    expect(row('configfs', 'existingData').value).toMatch(/^none of/);
    expect(row('sysfs', 'delivery').value).toMatch(/^pulled/);
  });
});
