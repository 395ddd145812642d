// The Storybook catalogue a designer browses: one entry per component `@syncline/ui` exports, titled with the name
// it is imported by (`Forms/Textarea`), with autodocs, controls and a Playground story first, then its states, then
// its examples, each story tagged with its purpose (the sidebar's tag filter shows one kind). A component's parts
// (`DialogContent`) document under it: named after it, or listed in its meta's `subcomponents`.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportedComponents, type StoryEntry, storyEntries } from './story-catalogue';

let components: string[];
let entries: StoryEntry[];

beforeAll(() => {
  components = exportedComponents();
  entries = storyEntries();
}, 60_000);

const entryName = (entry: StoryEntry) => entry.title?.split('/').at(-1) ?? '';

describe('the Storybook catalogue', () => {
  it('is read whole: the kit exports its components and stories/ holds their files', () => {
    expect(components).toEqual(expect.arrayContaining(['Button', 'Dialog', 'DialogContent', 'MachineCard', 'SyncDot']));
    expect(entries.length).toBeGreaterThan(30);
  });

  it('has an entry named after every exported component, or lists it as a part of one', () => {
    const names = new Set(entries.map(entryName));
    const parts = new Set(entries.flatMap((entry) => entry.subcomponents));
    const missing = components.filter(
      (component) =>
        !names.has(component) &&
        !parts.has(component) &&
        ![...names].some((name) => name && component.startsWith(name)),
    );
    expect(missing, `exported components without a story entry: ${missing.join(', ')}`).toEqual([]);
  });

  it('names every entry after a component the kit exports, once', () => {
    const titles = entries.map((entry) => `${entry.file}: ${entry.title ?? '(no title)'}`);
    const strays = entries.filter((entry) => !components.includes(entryName(entry))).map((entry) => entry.file);
    expect(strays, `entries not named after an exported component:\n${titles.join('\n')}`).toEqual([]);
    const names = entries.map(entryName);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('gives every entry autodocs, controls and a Playground first, then states and examples', () => {
    const lacking = entries
      .filter((entry) => !entry.tags.includes('autodocs') || !entry.controls || entry.stories[0] !== 'Playground')
      .map((entry) => `${entry.file} (tags ${entry.tags.join(',') || 'none'}, first story ${entry.stories[0]})`);
    expect(lacking, lacking.join('\n')).toEqual([]);
  });

  it('splits every entry’s stories by purpose: the Playground, then states, then examples, each tagged so', () => {
    const purpose = (tags: readonly string[]) => ['playground', 'state', 'example'].filter((tag) => tags.includes(tag));
    const misfiled = entries.flatMap((entry) => {
      const kinds = entry.storyTags.map(purpose);
      const untagged = entry.stories.filter((_, index) => kinds[index]?.length !== 1);
      const order = kinds.map((kind) => ['playground', 'state', 'example'].indexOf(kind[0] ?? ''));
      const outOfOrder = entry.stories.filter((_, index) => index > 0 && (order[index] ?? 0) < (order[index - 1] ?? 0));
      return [
        ...untagged.map((story) => `${entry.file}: ${story} is not tagged one of playground, state or example`),
        ...outOfOrder.map((story) => `${entry.file}: ${story} comes after a story of a later purpose`),
      ];
    });
    expect(misfiled, misfiled.join('\n')).toEqual([]);
  });

  it('lists each exported part under one entry only', () => {
    const parts = entries.flatMap((entry) => entry.subcomponents);
    const unknown = parts.filter((part) => !components.includes(part));
    expect(unknown, `subcomponents the kit does not export: ${unknown.join(', ')}`).toEqual([]);
  });
});
