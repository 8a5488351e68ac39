import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_WORDS } from '../../src/core/answer-words';
import { DEFAULT_ANSWERS, type Answers } from '../../src/core/answers';
import { FRAMEWORK_POINTS } from '../../src/core/advice/framework';
import { POINTS } from '../../src/core/advice/score';
import { parseFrameworks } from '../../src/core/catalogue-load';
import { FRAMEWORK_IDS, METHOD_IDS, STYLES, type FrameworkId, type MethodId } from '../../src/core/ids';
import { reportToMarkdown, buildReport } from '../../src/core/report';
import { advise, applyChange, TIE_MARGIN } from '../../src/core/scoring';
import { shippedCatalogue } from '../support/shipped-data';

const catalogue = shippedCatalogue();
const raw = JSON.parse(readFileSync('data/frameworks.json', 'utf8')) as {
  frameworks: { id: string; uses: { method: string; role: string; styles?: string[] }[] }[];
};

const battery: Answers = { ...DEFAULT_ANSWERS, size: 128, rate: 0.1, listeners: 2, framework: 'power-supply' };

function reasons(a: Answers, m: MethodId): string[] {
  const r = advise(a, catalogue, null).ranking.find((x) => x.method === m);
  if (!r) throw new Error(`${m} is not ranked`);
  return r.reasons;
}

function scores(a: Answers): Map<MethodId, number> {
  return new Map(advise(a, catalogue, null).ranking.map((r) => [r.method, r.score]));
}

describe('data/frameworks.json', () => {
  it('has every framework once, named as the answer words name it', () => {
    const frameworks = catalogue.frameworks!;
    expect(frameworks.map((f) => f.id)).toEqual([...FRAMEWORK_IDS]);
    for (const f of frameworks) expect(f.name).toBe(FRAMEWORK_WORDS[f.id].name);
  });

  it('gives each framework a primary method for some style, and sources every use', () => {
    for (const f of catalogue.frameworks!) {
      expect(f.uses.some((u) => u.role === 'primary')).toBe(true);
      for (const u of [f.register, f.givesUserSpace, ...f.uses])
        expect(u.source).toMatch(/Documentation\/|\.(c|h)\b|\.yaml/);
    }
  });

  it('rejects a duplicate id, two primaries for one style and an unknown method, naming file and framework', () => {
    const broken = structuredClone(raw);
    broken.frameworks[1]!.id = 'input';
    broken.frameworks[0]!.uses.push({ ...broken.frameworks[0]!.uses[0]!, method: 'mmap' });
    expect(() => parseFrameworks(broken, 'x/frameworks.json')).toThrow(
      /x\/frameworks\.json: framework "input" \(index 1\): duplicate of the entry at index 0/,
    );
    expect(() => parseFrameworks(broken, 'x/frameworks.json')).toThrow(
      /framework "input" \(index 0\): more than one primary method for style "event"/,
    );
    const unknown = structuredClone(raw);
    unknown.frameworks[2]!.uses[0]!.method = 'carrier-pigeon';
    expect(() => parseFrameworks(unknown, 'x/frameworks.json')).toThrow(
      /framework "hwmon" \(index 2\): uses\[0\]\.method/,
    );
  });

  it('lists only catalogue methods, and for each style at most one primary', () => {
    for (const f of catalogue.frameworks!)
      for (const style of STYLES)
        expect(
          f.uses.filter((u) => u.role === 'primary' && (!u.styles || u.styles.includes(style))).length,
        ).toBeLessThan(2);
    for (const f of raw.frameworks) for (const u of f.uses) expect(METHOD_IDS).toContain(u.method);
  });
});

describe('the framework rule', () => {
  it('gives the primary method 20 points, an also-used one 8, and takes 12 from a channel beside it', () => {
    const plain = scores({ ...battery, framework: null });
    const fw = scores(battery);
    // uevent is what power_supply_changed() sends for events; sysfs holds the properties; genetlink is beside.
    expect(fw.get('uevent')! - plain.get('uevent')!).toBeCloseTo(FRAMEWORK_POINTS.primary, 0);
    // sysfs also no longer pays for being pulled: the class's uevent delivers the events it holds.
    expect(fw.get('sysfs')! - plain.get('sysfs')!).toBeCloseTo(FRAMEWORK_POINTS.also + POINTS.pullForEvents, 0);
    expect(plain.get('genetlink')! - fw.get('genetlink')!).toBeCloseTo(FRAMEWORK_POINTS.beside, 0);
    expect(advise(battery, catalogue, null).verdict.top).toBe('uevent');
  });

  it('explains each contribution with the framework and its kernel source', () => {
    expect(reasons(battery, 'uevent')).toContainEqual(
      expect.stringMatching(/^\+20\.0: What the power_supply class exposes for events: .*\(drivers\/power\/supply\//),
    );
    expect(reasons(battery, 'sysfs')).toContainEqual(
      expect.stringMatching(
        /^\+8\.0: The power_supply class also uses it: .*\(Documentation\/ABI\/testing\/sysfs-class-power\)/,
      ),
    );
    expect(reasons(battery, 'genetlink')).toContainEqual(
      expect.stringMatching(
        /^−12\.0: A channel of the driver's own beside the power_supply class, whose interface user space already uses for this device \(Documentation\/power\/power_supply_class\.rst/,
      ),
    );
  });

  it("a method the framework uses beside its own delivery is not judged as the events' delivery (no pull penalty)", () => {
    const alarm: Answers = { ...DEFAULT_ANSWERS, size: 8, rate: 0.01, daemon: true, framework: 'rtc' };
    const pull = /User space has to ask for each update/;
    // RTC_AIE_ON and the wakealarm attribute set up the alarms that read() on /dev/rtcN delivers.
    expect(reasons(alarm, 'ioctl')).toContainEqual(expect.stringMatching(/^\+8\.0: The RTC class also uses it/));
    expect(reasons(alarm, 'ioctl').join(' ')).not.toMatch(pull);
    expect(reasons(alarm, 'sysfs').join(' ')).not.toMatch(pull);
    // Without the framework, or beside it, an ioctl or a value file still has to be asked for each event.
    expect(reasons({ ...alarm, framework: null }, 'ioctl').join(' ')).toMatch(
      /ask for each update \(make the call again\)/,
    );
    expect(reasons({ ...alarm, framework: 'power-supply' }, 'procfs').join(' ')).toMatch(pull);
  });

  it('says plainly on the top pick: register with the framework, and what it gives user space', () => {
    const v = advise(battery, catalogue, null).verdict;
    expect(v.framework).toMatch(
      /^Register with the power_supply class \(power_supply_register\(\).*\); it gives user space one sysfs attribute per property/,
    );
    expect(v.framework).toContain('uevent (kobject_uevent_env → udev) is what it exposes here');
    const md = reportToMarkdown(buildReport(battery, catalogue, null, 'http://x'));
    expect(md).toContain('Register with the power_supply class');
    expect(md).toContain('| Kernel framework | the power_supply class (batteries, chargers, UPSes) |');
  });

  it('picks the primary method by the style of exchange (V4L2: mmap for frames, ioctl for controls)', () => {
    const frames: Answers = { ...DEFAULT_ANSWERS, style: 'stream', size: 1 << 20, rate: 60, framework: 'v4l2' };
    expect(reasons(frames, 'mmap')).toContainEqual(
      expect.stringContaining('What Video4Linux2 (V4L2) exposes for a stream'),
    );
    const controls: Answers = { ...frames, dir: 'u2k', style: 'config', size: 8, rate: 1 };
    expect(reasons(controls, 'ioctl')).toContainEqual(
      expect.stringContaining('What Video4Linux2 (V4L2) exposes for settings'),
    );
  });

  it('moves nothing when not said, when none fits, or when no module is shipped', () => {
    const plain = advise({ ...battery, framework: null }, catalogue, null);
    const none = advise({ ...battery, framework: 'none' }, catalogue, null);
    expect(none.ranking).toEqual(plain.ranking);
    expect(none.verdict).toEqual(plain.verdict);
    const noModule = { ...battery, module: false };
    const a = advise(noModule, catalogue, null);
    expect(a.ranking).toEqual(advise({ ...noModule, framework: null }, catalogue, null).ranking);
    expect(a.verdict.framework).toBeUndefined();
  });

  it('does not count debug interfaces as a second ABI when the data is for debugging', () => {
    const debug: Answers = { ...battery, stable: false };
    expect(reasons(debug, 'debugfs').join(' ')).not.toContain('beside the power_supply class');
  });

  it.each(FRAMEWORK_IDS.map((id) => [id] as [FrameworkId]))(
    '%s: what-would-change names the pick without it only when it flips the pick',
    (id) => {
      const a: Answers = { ...DEFAULT_ANSWERS, framework: id };
      const advice = advise(a, catalogue, null);
      const change = advice.whatWouldChange.find((c) => c.param === 'framework');
      if (!change) {
        // No change listed: without the framework the pick stays, or moves by no more than a tie.
        const without = advise({ ...a, framework: 'none' }, catalogue, null);
        const old = without.ranking.find((r) => r.method === advice.verdict.top)?.score ?? 0;
        expect(without.ranking[0]!.score - old).toBeLessThanOrEqual(TIE_MARGIN + 1);
        return;
      }
      expect(change.sentence).toMatch(/^If no kernel framework served the device, /);
      expect(advise(applyChange(a, change), catalogue, null).verdict.top).toBe(change.newTop);
    },
  );
});
