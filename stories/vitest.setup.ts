// Runs before the stories in the browser: makes rendering deterministic (no motion, fonts loaded) and, after each
// story has rendered and played in the light theme (checked by axe through the a11y addon), compares the page with
// the story's committed light screenshot, then turns the same page dark and checks it again: axe (contrast differs
// by theme) and the dark screenshot. The theme is CSS only (see .storybook/preview.tsx), so the played state, open
// menus and portalled content included, is what a person switching the toolbar's theme would see.
import axe from 'axe-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { page } from 'vitest/browser';
import { applyTheme } from './theme';

type A11yParameters = {
  test?: 'error' | 'todo' | 'off';
  disable?: boolean;
  config?: axe.Spec;
  options?: axe.RunOptions;
  context?: axe.ElementContext;
};
type StoryOnContext = {
  story?: { id: string; parameters: { visual?: boolean; a11y?: A11yParameters } };
};

beforeEach(() => {
  document.documentElement.dataset.motion = 'reduce';
  document.body.style.padding = '16px';
});

/** Two frames: the restyled page has been laid out and painted. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Axe on the page as the a11y addon runs it for a story (its rules, options and context; `region` off). */
async function axeViolations(parameters: A11yParameters = {}) {
  const { config = {}, options = {}, context } = parameters;
  const exclude = ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'];
  const contextWithInternals =
    context && typeof context === 'object' && ('include' in context || 'exclude' in context)
      ? {
          include: (context as { include?: axe.ElementContext }).include ?? document.body,
          exclude: [...exclude, ...((context as { exclude?: string[] }).exclude ?? [])],
        }
      : { include: context ?? document.body, exclude };
  axe.reset();
  axe.configure({ ...config, rules: [{ id: 'region', enabled: false }, ...(config.rules ?? [])] });
  const result = await axe.run(contextWithInternals as axe.ElementContext, options);
  return result.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(' ')}`).join('\n')}`,
  );
}

afterEach(async (context) => {
  const story = (context as unknown as StoryOnContext).story;
  if (!story || context.task.result?.state === 'fail') return;
  const visual = story.parameters.visual !== false;
  await document.fonts.ready;
  if (visual) await expect(page.elementLocator(document.body)).toMatchScreenshot(`${story.id}--light`);

  applyTheme('dark');
  await painted();
  const a11y = story.parameters.a11y;
  if (a11y?.test !== 'off' && a11y?.test !== 'todo' && a11y?.disable !== true) {
    expect(await axeViolations(a11y), 'axe violations in the dark theme').toEqual([]);
  }
  if (visual) await expect(page.elementLocator(document.body)).toMatchScreenshot(`${story.id}--dark`);
});
