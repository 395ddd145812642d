// @vitest-environment jsdom
// The sparkline's end dot carries its tone's fill class. That Tailwind generates the class (the old code built the
// name with a string replace, which Tailwind never saw) is shown in Chromium by ../../../test/sparkline-colour.test.tsx.
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
