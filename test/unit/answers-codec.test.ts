import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWERS, type Answers } from '../../src/core/answers';
import { ANSWER_PARAMS, decodeAnswers, encodeAnswers, permalink } from '../../src/core/answers-codec';
import { DIRECTIONS, FRAMEWORK_ANSWERS, METHOD_IDS, STYLES } from '../../src/core/ids';
import { seeded as rng } from '../support/seeded';

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function randomAnswers(r: () => number): Answers {
  return {
    dir: pick(r, DIRECTIONS),
    style: pick(r, STYLES),
    size: pick(r, [0, 1, 63, 64, 4096, 65536, 1048576, 1024 ** 3, Math.floor(r() * 1e6)]),
    rate: pick(r, [1e-6, 0.5, 1, 60, 1000, 123456.789, 1e9, Math.floor(r() * 1e7) + 1]),
    lat: pick(r, [null, 0.001, 1, 100, 2500.5, 1e9]),
    listeners: pick(r, [1, 2, 64, 100000]),
    stable: r() < 0.5,
    module: r() < 0.5,
    unpriv: r() < 0.5,
    shell: r() < 0.5,
    kernel: pick(r, ['2.6', '3.10', '4.19', '5.4', '5.10', '6.1', '6.12', '99.0']),
    dataset: pick(r, [null, 'vm-tcg-2025-01-01', 'a', 'fixture-synthetic', 'x.y_z-1']),
    daemon: pick(r, [null, true, false]),
    scope: pick(r, [null, 'device', 'system', 'object'] as const),
    loss: pick(r, [null, true, false]),
    atload: pick(r, [null, true, false]),
    asks: pick(r, [null, 'user', 'kernel'] as const),
    topic: pick(r, [null, 'process', 'device', 'system', 'trace'] as const),
    grows: pick(r, [null, true, false]),
    framework: pick(r, [null, ...FRAMEWORK_ANSWERS]),
    keep: pick(r, [null, ...METHOD_IDS]),
    worker: pick(r, [null, true, false]),
  };
}

function decodeOne(query: string) {
  return decodeAnswers(query);
}

describe('encodeAnswers', () => {
  it('writes the parameters in a stable order and always ends with v=1', () => {
    const q = encodeAnswers({ ...DEFAULT_ANSWERS, lat: 100, dataset: 'ds-1' }).toString();
    expect(q).toBe(
      'dir=k2u&style=event&size=64&rate=1000&lat=100&listeners=1&stable=1&module=1&unpriv=0&shell=0&kernel=5.10&dataset=ds-1&v=1',
    );
  });

  it('omits lat and dataset when they are null', () => {
    const p = encodeAnswers(DEFAULT_ANSWERS);
    expect(p.has('lat')).toBe(false);
    expect(p.has('dataset')).toBe(false);
    expect(p.get('v')).toBe('1');
  });
});

describe('decodeAnswers round trips', () => {
  it('decodes the defaults from an empty query without errors', () => {
    expect(decodeOne('')).toEqual({ answers: DEFAULT_ANSWERS, errors: [] });
  });

  it('round-trips 2000 generated answers through URLSearchParams and through a string', () => {
    const r = rng(42);
    for (let i = 0; i < 2000; i++) {
      const a = randomAnswers(r);
      const viaParams = decodeAnswers(encodeAnswers(a));
      expect(viaParams.errors).toEqual([]);
      expect(viaParams.answers).toEqual(a);
      const viaString = decodeAnswers('?' + encodeAnswers(a).toString());
      expect(viaString.answers).toEqual(a);
    }
  });

  it('encode(decode(q)) reproduces any canonical query byte for byte', () => {
    const r = rng(7);
    for (let i = 0; i < 500; i++) {
      const q = encodeAnswers(randomAnswers(r)).toString();
      expect(encodeAnswers(decodeOne(q).answers).toString()).toBe(q);
    }
  });

  it('accepts parameters in any order and without v', () => {
    const { answers, errors } = decodeOne('kernel=4.19&shell=1&dir=both&size=0&lat=12.5');
    expect(errors).toEqual([]);
    expect(answers).toEqual({ ...DEFAULT_ANSWERS, kernel: '4.19', shell: true, dir: 'both', size: 0, lat: 12.5 });
  });

  it('reads an empty lat or dataset as "none"', () => {
    const { answers, errors } = decodeOne('lat=&dataset=');
    expect(errors).toEqual([]);
    expect(answers.lat).toBeNull();
    expect(answers.dataset).toBeNull();
  });
});

describe('decodeAnswers errors', () => {
  // [param, bad value, a fragment the message must contain]
  const cases: [keyof Answers, string, string][] = [
    ['dir', 'up', 'dir must be one of k2u, u2k, both, got "up"'],
    ['dir', '', 'dir must be one of k2u, u2k, both, got ""'],
    ['style', 'batch', 'style must be one of request, stream, event, config, got "batch"'],
    ['size', 'abc', 'size must be a whole number of bytes ≥ 0, got "abc"'],
    ['size', '-1', 'size must be a whole number of bytes ≥ 0, got "-1"'],
    ['size', '1.5', 'size must be a whole number of bytes ≥ 0, got "1.5"'],
    ['size', '0x10', 'size must be a whole number of bytes ≥ 0, got "0x10"'],
    ['size', '1073741825', 'size must be at most 1073741824 bytes (1 GiB), got "1073741825"'],
    ['rate', '0', 'rate must be a number of messages per second > 0, got "0"'],
    ['rate', '-5', 'rate must be a number of messages per second > 0, got "-5"'],
    ['rate', 'Infinity', 'rate must be a number of messages per second > 0, got "Infinity"'],
    ['rate', 'fast', 'rate must be a number of messages per second > 0, got "fast"'],
    ['rate', '2e9', 'rate must be at most 1000000000 messages per second, got "2e9"'],
    ['lat', '0', 'lat must be a latency budget in µs > 0 (leave it out for no budget), got "0"'],
    ['lat', 'soon', 'lat must be a latency budget in µs > 0 (leave it out for no budget), got "soon"'],
    ['lat', '1e10', 'lat must be at most 1000000000 µs, got "1e10"'],
    ['listeners', '0', 'listeners must be a whole number ≥ 1, got "0"'],
    ['listeners', '2.5', 'listeners must be a whole number ≥ 1, got "2.5"'],
    ['listeners', '100001', 'listeners must be at most 100000, got "100001"'],
    ['stable', 'yes', 'stable must be 0 or 1, got "yes"'],
    ['module', 'true', 'module must be 0 or 1, got "true"'],
    ['unpriv', '2', 'unpriv must be 0 or 1, got "2"'],
    ['shell', '', 'shell must be 0 or 1, got ""'],
    ['kernel', '5', 'kernel must be a version major.minor such as 5.10, got "5"'],
    ['kernel', '5.10.1', 'kernel must be a version major.minor such as 5.10, got "5.10.1"'],
    ['kernel', '5.04', 'kernel must be a version major.minor such as 5.10, got "5.04"'],
    ['kernel', '2.4', 'kernel must be between 2.6 and 99.x, got "2.4"'],
    ['kernel', '100.1', 'kernel must be between 2.6 and 99.x, got "100.1"'],
    ['dataset', 'Bad Id', 'dataset must be an id of lower-case letters, digits, . _ -'],
    ['dataset', '-x', 'got "-x"'],
    ['dataset', 'a'.repeat(81), 'at most 80 characters'],
    ['daemon', 'yes', 'daemon must be 0 or 1 (or left out when not known), got "yes"'],
    ['loss', '2', 'loss must be 0 or 1 (or left out when not known), got "2"'],
    ['atload', 'true', 'atload must be 0 or 1 (or left out when not known), got "true"'],
    ['grows', 'yes', 'grows must be 0 or 1 (or left out when not known), got "yes"'],
    ['worker', 'thread', 'worker must be 0 or 1 (or left out when not known), got "thread"'],
    ['asks', 'daemon', 'asks must be one of user, kernel (or left out when not known), got "daemon"'],
    [
      'topic',
      'network',
      'topic must be one of process, device, system, trace (or left out when not known), got "network"',
    ],
    ['scope', 'global', 'scope must be one of device, system, object (or left out when not known), got "global"'],
    ['framework', 'battery', 'framework must be one of input, power-supply, hwmon, iio, watchdog, fw-upload,'],
    ['framework', 'battery', 'rtc, devcoredump, drm, none (or left out when not known), got "battery"'],
    ['framework', 'INPUT', 'got "INPUT"'],
    ['keep', 'proc', 'keep must be a method id, one of genetlink, netlink, chardev,'],
    ['keep', 'proc', '(or left out when no interface exists yet), got "proc"'],
    ['keep', 'Sysfs', 'got "Sysfs"'],
  ];

  it.each(cases)('%s=%j is reported and falls back to the default', (param, value, fragment) => {
    const query = new URLSearchParams({ [param]: value });
    const { answers, errors } = decodeAnswers(query);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ param, value });
    expect(errors[0]?.message).toContain(fragment);
    expect(answers[param]).toEqual(DEFAULT_ANSWERS[param]);
    expect(answers).toEqual(DEFAULT_ANSWERS);
  });

  it('keeps the good values when one value is bad', () => {
    const { answers, errors } = decodeOne('size=4096&rate=nope&dir=u2k');
    expect(errors.map((e) => e.param)).toEqual(['rate']);
    expect(answers).toEqual({ ...DEFAULT_ANSWERS, size: 4096, dir: 'u2k' });
  });

  it('reports an unknown parameter and ignores it', () => {
    const { answers, errors } = decodeOne('colour=blue&size=8');
    expect(errors).toEqual([{ param: 'colour', value: 'blue', message: 'unknown parameter "colour"' }]);
    expect(answers).toEqual({ ...DEFAULT_ANSWERS, size: 8 });
  });

  it('reports a v other than 1 but still decodes the rest', () => {
    const { answers, errors } = decodeOne('v=2&size=128');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ param: 'v', value: '2' });
    expect(errors[0]?.message).toContain('v must be 1');
    expect(answers.size).toBe(128);
  });

  it('reports a repeated parameter and uses its first value', () => {
    const { answers, errors } = decodeOne('size=8&size=16');
    expect(answers.size).toBe(8);
    expect(errors).toEqual([
      { param: 'size', value: '16', message: 'size is given more than once; the first value is used' },
    ]);
  });

  it('never throws on hostile input', () => {
    const r = rng(99);
    const alphabet = ['=', '&', '%', '%zz', '?', 'size', 'lat', 'v', '1', '-', '.', 'e', 'ü', '\u0000', ' ', '+'];
    for (let i = 0; i < 2000; i++) {
      let q = '';
      const n = Math.floor(r() * 20);
      for (let j = 0; j < n; j++) q += pick(r, alphabet);
      expect(() => decodeOne(q)).not.toThrow();
      const { answers } = decodeOne(q);
      // Whatever came in, the answers decoded are valid: they survive a clean round trip.
      expect(decodeAnswers(encodeAnswers(answers)).errors).toEqual([]);
    }
  });

  it('lists every answer field as a parameter', () => {
    expect([...ANSWER_PARAMS].sort()).toEqual(Object.keys(DEFAULT_ANSWERS).sort());
  });
});

// Follow-up answers chosen from a list, added after the first links were shared.
describe.each([
  { param: 'framework', ids: FRAMEWORK_ANSWERS },
  { param: 'keep', ids: METHOD_IDS },
] as const)('the $param answer', ({ param, ids }) => {
  it('is absent from links made before it existed, which decode as "not said"', () => {
    const { answers, errors } = decodeAnswers('dir=k2u&style=event&size=64&v=1');
    expect(errors).toEqual([]);
    expect(answers[param]).toBeNull();
  });

  it.each([...ids])(`round-trips ${param}=%s`, (id) => {
    const a = { ...DEFAULT_ANSWERS, [param]: id };
    const q = encodeAnswers(a);
    expect(q.get(param)).toBe(id);
    expect(decodeAnswers(q)).toEqual({ answers: a, errors: [] });
  });

  it('reads an empty value as "not said" and leaves it out when encoding', () => {
    expect(decodeAnswers(`${param}=`).answers[param]).toBeNull();
    expect(encodeAnswers(DEFAULT_ANSWERS).has(param)).toBe(false);
  });
});

describe('permalink', () => {
  it('joins origin, path and the encoded answers', () => {
    expect(permalink(DEFAULT_ANSWERS, 'https://kcomm.example/')).toBe(
      'https://kcomm.example/results?dir=k2u&style=event&size=64&rate=1000&listeners=1&stable=1&module=1&unpriv=0&shell=0&kernel=5.10&v=1',
    );
    expect(permalink(DEFAULT_ANSWERS, 'http://localhost:5173', '/advice')).toMatch(
      /^http:\/\/localhost:5173\/advice\?dir=k2u&/,
    );
  });

  it('decodes back to the same answers', () => {
    const a: Answers = { ...DEFAULT_ANSWERS, lat: 50, dataset: 'fixture-synthetic', rate: 0.25 };
    const url = new URL(permalink(a, 'https://kcomm.example'));
    expect(decodeAnswers(url.searchParams)).toEqual({ answers: a, errors: [] });
  });
});
