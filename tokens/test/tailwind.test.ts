// A Vite app that imports Tailwind and the Syncline theme gets token-backed utilities, and
// tailwind-merge configured from the tokens keeps custom classes apart.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synclineTwMergeConfig } from '@syncline/tokens/tailwind-merge';
import tailwindcss from '@tailwindcss/vite';
import { extendTailwindMerge } from 'tailwind-merge';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('a Vite + Tailwind v4 app importing @syncline/tokens/theme.css', () => {
  let outDir = '';
  let css = '';

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'syncline-tailwind-'));
    await build({
      root: join(import.meta.dirname, 'tailwind-app'),
      logLevel: 'silent',
      configFile: false,
      plugins: [tailwindcss()],
      build: { outDir, emptyOutDir: true, minify: false },
    });
    const assets = join(outDir, 'assets');
    const file = (await readdir(assets)).find((name) => name.endsWith('.css'));
    css = await readFile(join(assets, file ?? 'missing.css'), 'utf8');
  }, 60_000);

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  const rule = (selector: string) => {
    const start = css.indexOf(`${selector} {`);
    return start === -1 ? '' : css.slice(start, css.indexOf('}', start) + 1);
  };

  it.each([
    ['.bg-surface', 'background-color: var(--sl-color-surface)'],
    ['.text-primary', 'color: var(--sl-color-primary)'],
    ['.bg-sync-pending', 'background-color: var(--sl-color-sync-pending)'],
    ['.bg-machine-running', 'background-color: var(--sl-color-machine-running)'],
    ['.text-alarm-critical', 'color: var(--sl-color-alarm-critical)'],
    ['.font-display', 'font-family: var(--sl-font-display)'],
    ['.rounded-lg', 'border-radius: var(--sl-radius-lg)'],
    ['.animate-pulse-soft', 'animation: var(--sl-animate-pulse-soft)'],
    ['.duration-fast', 'transition-duration: var(--sl-duration-fast)'],
    ['.h-control-md', 'height: var(--sl-control-height-md)'],
  ])('%s reads its token', (selector, declaration) => {
    expect(rule(selector), `${selector} in the built CSS`).toContain(declaration);
  });

  it('shadow-glow-primary uses the glow token', () => {
    expect(rule('.shadow-glow-primary')).toContain('var(--sl-shadow-glow-primary)');
  });

  it('text-sm carries the token size and line height', () => {
    expect(rule('.text-sm')).toContain('font-size: var(--sl-text-sm)');
    expect(rule('.text-sm')).toContain('var(--sl-leading-sm)');
  });

  it('p-4 follows the 4px grid', () => {
    expect(rule('.p-4')).toContain('calc(var(--sl-space-unit) * 4)');
  });

  it('ships the variables for both themes and reduced motion', () => {
    expect(css).toMatch(/--sl-color-surface: #fff(fff)?;/);
    expect(css).toMatch(/\[data-theme="dark"\][^{]*\{[^}]*--sl-color-surface: #1e2633/);
    expect(css).toMatch(/prefers-reduced-motion: reduce/);
    expect(css).toContain('@keyframes sl-pulse-soft');
  });
});

describe('tailwind-merge configured from the tokens', () => {
  const twMerge = extendTailwindMerge(synclineTwMergeConfig);

  it('lets a later token colour win over an earlier one', () => {
    expect(twMerge('bg-surface bg-sync-pending')).toBe('bg-sync-pending');
    expect(twMerge('text-foreground text-foreground-muted')).toBe('text-foreground-muted');
  });

  it('keeps a token colour and a font size, which only look alike', () => {
    expect(twMerge('text-xs text-foreground-muted')).toBe('text-xs text-foreground-muted');
  });

  it('knows the custom shadows, animations, durations and control heights', () => {
    expect(twMerge('shadow-sm shadow-glow-primary')).toBe('shadow-glow-primary');
    expect(twMerge('animate-spin animate-pulse-soft')).toBe('animate-pulse-soft');
    expect(twMerge('duration-fast duration-slow')).toBe('duration-slow');
    expect(twMerge('h-8 h-control-md')).toBe('h-control-md');
  });
});
