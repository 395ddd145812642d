// The Sparkline's end dot is painted in its tone's colour, read from Chromium's computed style with the kit's real
// stylesheet. Its class names must reach Tailwind verbatim: a name built at runtime (`fill-primary/15` with the
// `/15` cut off) rendered the dot in SVG's default black, which a class-name check alone cannot see.

import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { Sparkline } from '../src';

const tones = ['primary', 'success', 'warning', 'error', 'muted'] as const;

describe('Sparkline end dot, rendered', () => {
  const style = document.createElement('style');
  const container = document.createElement('div');

  beforeAll(() => {
    style.textContent = inject('kitStylesheet');
    document.head.append(style);
    document.body.append(container);
  });

  afterAll(() => {
    container.remove();
    style.remove();
  });

  test.each(tones)('%s: the dot has the colour of the line', (tone) => {
    const root = createRoot(container);
    flushSync(() => root.render(<Sparkline label="Spindle load" values={[3, 5, 4, 8]} tone={tone} />));
    const line = container.querySelector('[data-slot="sparkline-line"]') as SVGPathElement;
    const dot = container.querySelector('[data-slot="sparkline-last"]') as SVGCircleElement;
    const lineColour = getComputedStyle(line).stroke;
    const dotColour = getComputedStyle(dot).fill;
    root.unmount();
    // SVG's default fill is black; a tone colour is never pure black in either theme.
    expect(dotColour).not.toBe('rgb(0, 0, 0)');
    expect(lineColour).not.toBe('none');
    expect(dotColour).toBe(lineColour);
  });
});
