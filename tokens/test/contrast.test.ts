// Every semantic text/background pair and every state colour on the surfaces it sits on, in both
// themes, meets WCAG 2.2 AA: body text >= 4.5:1, large text and UI indicators >= 3:1.
import { tokens } from '@syncline/tokens';
import { contrastRatio } from '@syncline/tokens/contrast';
import { describe, expect, it } from 'vitest';

const BODY_TEXT = 4.5;
const INDICATOR = 3;

const backgrounds = [
  'background',
  'background-subtle',
  'background-muted',
  'surface',
  'surface-raised',
  'surface-overlay',
] as const;

/** Text colours that may sit on any page background or surface. */
const textColors = [
  'foreground',
  'foreground-muted',
  'foreground-subtle',
  'primary-text',
  'success-text',
  'warning-text',
  'error-text',
];

/** Text on a filled colour: [text, fill]. */
const onColorPairs = [
  ['primary-foreground', 'primary'],
  ['primary-foreground', 'primary-hover'],
  ['secondary-foreground', 'secondary'],
  ['accent-foreground', 'accent'],
  ['foreground', 'accent'],
  ['success-foreground', 'success'],
  ['warning-foreground', 'warning'],
  ['error-foreground', 'error'],
  ['info-foreground', 'info'],
  ['foreground', 'primary-subtle'],
  ['primary-text', 'primary-subtle'],
  ['foreground', 'success-subtle'],
  ['success-text', 'success-subtle'],
  ['foreground', 'warning-subtle'],
  ['warning-text', 'warning-subtle'],
  ['foreground', 'error-subtle'],
  ['error-text', 'error-subtle'],
] as const;

/** Non-text indicators (dots, rings, chips' borders, focus, input boundaries) on the surfaces they sit on. */
const indicators = [
  'ring',
  'input',
  'border-strong',
  'primary',
  'success',
  'warning',
  'error',
  'info',
  ...['synced', 'pending', 'failed', 'conflict', 'offline', 'stale'].map((s) => `sync-${s}`),
  ...['idle', 'running', 'paused', 'done', 'error', 'maintenance'].map((s) => `machine-${s}`),
  ...['critical', 'major', 'minor', 'warning'].map((s) => `alarm-${s}`),
];

type Pair = { text: string; on: string; minimum: number };

const pairs: Pair[] = [
  ...textColors.flatMap((text) => backgrounds.map((on) => ({ text, on, minimum: BODY_TEXT }))),
  ...onColorPairs.map(([text, on]) => ({ text, on, minimum: BODY_TEXT })),
  ...indicators.flatMap((text) => backgrounds.map((on) => ({ text, on, minimum: INDICATOR }))),
];

describe.each(['light', 'dark'] as const)('%s theme contrast', (theme) => {
  const values: Record<string, string> = tokens[theme];
  const color = (name: string) => {
    const value = values[`color-${name}`];
    if (!value) throw new Error(`No colour token "color-${name}" in the ${theme} theme`);
    return value;
  };

  it('checks every pair it names', () => {
    expect(pairs.length).toBeGreaterThan(200);
  });

  it.each(pairs)('$text on $on reaches $minimum:1', ({ text, on, minimum }) => {
    const ratio = contrastRatio(color(text), color(on));
    expect(
      ratio,
      `${theme}: color-${text} (${color(text)}) on color-${on} (${color(on)}) is ${ratio.toFixed(2)}:1, needs ${minimum}:1`,
    ).toBeGreaterThanOrEqual(minimum);
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
