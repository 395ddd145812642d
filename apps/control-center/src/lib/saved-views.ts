// A person's saved views of a list: read live from this device's database (their own only), and saved, renamed,
// updated and deleted there first, so it all works offline and reaches their other devices when it syncs. A name is
// checked before anything is written.
import { useLiveQuery } from '@syncline/data';
import { type SavedView, VIEW_NAME_MAX, type ViewPage } from '@syncline/domain';
import { toast } from '@syncline/ui';
import { useMemo } from 'react';
import { useSession } from '../runtime/session-context';
import { savedWhere, type WriteContext } from './orders';

/** What a view keeps of its list: filters, sort and columns. */
export type SavedViewFields = Pick<SavedView, 'search' | 'status' | 'sortBy' | 'sortDesc' | 'hiddenColumns'>;

const byName = (a: SavedView, b: SavedView) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** The signed-in person's views of `page`, by name. */
export function useSavedViews(page: ViewPage): { views: SavedView[]; loading: boolean } {
  const { session } = useSession();
  const { docs, loading } = useLiveQuery<SavedView>('views', { selector: { ownerId: session.user, page } });
  const views = useMemo(() => [...docs].sort(byName), [docs]);
  return { views, loading };
}

/** What is wrong with a view's name, in words, or undefined when it will do. */
export function viewNameProblem(name: string, views: readonly SavedView[], renaming?: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the view a name.';
  if (trimmed.length > VIEW_NAME_MAX) return `Keep the name to ${VIEW_NAME_MAX} characters; it has ${trimmed.length}.`;
  const taken = views.find((view) => view.id !== renaming && view.name.toLowerCase() === trimmed.toLowerCase());
  return taken ? `You already have a view called “${taken.name}”; pick another name.` : undefined;
}

/** Saves the list as it is now under `name`; returns the new view. */
export async function saveView(
  { database, actor, online }: WriteContext,
  page: ViewPage,
  name: string,
  fields: SavedViewFields,
): Promise<SavedView> {
  const now = Date.now();
  const view: SavedView = {
    id: `view-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    ownerId: actor,
    page,
    name: name.trim(),
    ...fields,
    createdAt: now,
  };
  await database.views.insert(view);
  toast.success(`View “${view.name}” saved`, { description: savedWhere(online) });
  return view;
}

/** Gives a view a new name, or the list's filters, sort and columns as they are now. */
export async function updateView(
  { database, online }: WriteContext,
  id: string,
  patch: Partial<SavedViewFields & { name: string }>,
): Promise<void> {
  const doc = await database.views.findOne(id).exec();
  if (!doc) return;
  const name = patch.name?.trim() ?? doc.name;
  await doc.incrementalPatch({ ...patch, name });
  toast.success(patch.name ? `View renamed “${name}”` : `View “${name}” updated`, { description: savedWhere(online) });
}

/** Deletes a view from every device of its owner, with an Undo that brings it back. */
export async function deleteView({ database, online }: WriteContext, id: string): Promise<void> {
  const doc = await database.views.findOne(id).exec();
  if (!doc) return;
  const kept = doc.toMutableJSON() as SavedView;
  await doc.remove();
  toast(`View “${kept.name}” deleted`, {
    description: savedWhere(online),
    action: { label: 'Undo', onClick: () => void database.views.upsert(kept) },
  });
}
