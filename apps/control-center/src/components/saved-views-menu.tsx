// The orders table's saved views, in one menu: pick one of your views, save the table as it is now under a name,
// and update, rename or delete the view in use. A pure view: the page gives it the views and what each choice does.
import type { SavedView } from '@syncline/domain';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  FormField,
  Input,
} from '@syncline/ui';
import { BookmarkIcon, ChevronDownIcon } from 'lucide-react';
import { useState } from 'react';
import { viewNameProblem } from '../lib/saved-views';

export interface SavedViewsMenuProps {
  /** the person's views, by name */
  views: readonly SavedView[];
  /** the view the address names, if it is one of theirs */
  active: SavedView | undefined;
  /** the table no longer shows the active view as saved */
  changed: boolean;
  onPick: (view: SavedView) => void;
  onSave: (name: string) => void;
  onUpdate: (view: SavedView) => void;
  onRename: (view: SavedView, name: string) => void;
  onDelete: (view: SavedView) => void;
}

type Naming = { mode: 'save' } | { mode: 'rename'; view: SavedView };

export function SavedViewsMenu({
  views,
  active,
  changed,
  onPick,
  onSave,
  onUpdate,
  onRename,
  onDelete,
}: SavedViewsMenuProps) {
  const [naming, setNaming] = useState<Naming | undefined>();
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" data-slot="saved-views-trigger">
            <BookmarkIcon aria-hidden="true" />
            {active ? (
              <span>
                <span className="sr-only">Saved view: </span>
                {active.name}
                {changed ? <span className="text-foreground-muted"> (changed)</span> : null}
              </span>
            ) : (
              'Saved views'
            )}
            <ChevronDownIcon aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="min-w-56">
          <DropdownMenuLabel>Your views</DropdownMenuLabel>
          {views.length === 0 ? (
            <DropdownMenuItem disabled>No saved views yet</DropdownMenuItem>
          ) : (
            <DropdownMenuRadioGroup value={active?.id ?? ''}>
              {views.map((view) => (
                <DropdownMenuRadioItem key={view.id} value={view.id} onSelect={() => onPick(view)}>
                  {view.name}
                </DropdownMenuRadioItem>
              ))}
            </DropdownMenuRadioGroup>
          )}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setNaming({ mode: 'save' })}>Save as a new view…</DropdownMenuItem>
          {active ? (
            <>
              <DropdownMenuItem disabled={!changed} onSelect={() => onUpdate(active)}>
                Update “{active.name}”
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setNaming({ mode: 'rename', view: active })}>
                Rename “{active.name}”…
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => onDelete(active)}>Delete “{active.name}”</DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      <ViewNameDialog
        naming={naming}
        views={views}
        onClose={() => setNaming(undefined)}
        onName={(name) => {
          if (naming?.mode === 'rename') onRename(naming.view, name);
          else onSave(name);
          setNaming(undefined);
        }}
      />
    </>
  );
}

/** Asks for a view's name (a new one, or a new name for one), and says what is wrong with it before anything is kept. */
function ViewNameDialog({
  naming,
  views,
  onClose,
  onName,
}: {
  naming: Naming | undefined;
  views: readonly SavedView[];
  onClose: () => void;
  onName: (name: string) => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const renaming = naming?.mode === 'rename' ? naming.view : undefined;
  return (
    <Dialog
      open={naming !== undefined}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <DialogContent
        onOpenAutoFocus={() => {
          setName(renaming?.name ?? '');
          setError(undefined);
        }}
      >
        <DialogHeader>
          <DialogTitle>{renaming ? `Rename “${renaming.name}”` : 'Save this view'}</DialogTitle>
          <DialogDescription>
            {renaming
              ? 'The view keeps its filters, sort and columns.'
              : 'Keeps the search, status filter, sort and columns, on this device and your others once it syncs.'}
          </DialogDescription>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const problem = viewNameProblem(name, views, renaming?.id);
            if (problem) setError(problem);
            else onName(name.trim());
          }}
        >
          <FormField label="Name" error={error} required>
            <Input value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
          </FormField>
          <DialogFooter>
            <Button type="submit">{renaming ? 'Rename view' : 'Save view'}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
