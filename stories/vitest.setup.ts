// Runs before the stories in the browser: makes rendering deterministic (no motion, fonts loaded) and, after each
// story has rendered and played, compares the page with the story's committed screenshot for the current theme.
import { afterEach, beforeEach, expect } from 'vitest';
import { page } from 'vitest/browser';

type StoryOnContext = { story?: { id: string; globals: { theme?: string }; parameters: { visual?: boolean } } };

beforeEach(() => {
  document.documentElement.dataset.motion = 'reduce';
  document.body.style.padding = '16px';
});

afterEach(async (context) => {
  const story = (context as unknown as StoryOnContext).story;
  if (!story || context.task.result?.state === 'fail' || story.parameters.visual === false) return;
  await document.fonts.ready;
  const theme = story.globals.theme ?? 'light';
  await expect(page.elementLocator(document.body)).toMatchScreenshot(`${story.id}--${theme}`);
});
