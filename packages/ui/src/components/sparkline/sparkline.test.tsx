// @vitest-environment jsdom
// The sparkline's end dot carries its tone's fill class. This does not show that Tailwind generates the class (the
// bug it was written for: the old code built the same name with a string replace, which Tailwind never saw); only a
// browser test reading the dot's computed fill would.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Sparkline } from './sparkline';

afterEach(cleanup);

describe('Sparkline', () => {
  it.each([
    ['primary', 'fill-primary'],
    ['warning', 'fill-warning'],
    ['muted', 'fill-foreground-muted'],
  ] as const)('colours the end dot for the %s tone', (tone, colour) => {
    render(<Sparkline values={[1, 3, 2]} label="Load" tone={tone} />);
    const dot = screen.getByRole('img', { name: /Load: latest 2/ }).querySelector('[data-slot="sparkline-last"]');
    expect(dot?.getAttribute('class')?.split(' ')).toContain(colour);
  });
});
