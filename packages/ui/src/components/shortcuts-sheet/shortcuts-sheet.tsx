'use client';
// "?": a cheat sheet of the keyboard shortcuts in a dialog, grouped by where they work. Each key is printed as on the
// keyboard; Escape closes it and focus returns to where it was.
import { useReturnFocus } from '../../lib/use-return-focus';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '../dialog/dialog';
import { Kbd, KbdGroup } from '../kbd/kbd';

export interface Shortcut {
  /** the keys pressed together, as printed on them: `['Ctrl', 'K']` */
  keys: readonly string[];
  /** what it does */
  description: string;
}

export interface ShortcutGroup {
  /** where the shortcuts work: "Anywhere", "In the command palette" */
  heading: string;
  shortcuts: readonly Shortcut[];
}

export type ShortcutsSheetProps = {
  groups: readonly ShortcutGroup[];
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title?: string;
};

export function ShortcutsSheet({ groups, open, onOpenChange, title = 'Keyboard shortcuts' }: ShortcutsSheetProps) {
  // opened by a key, not a button: focus goes back to what had it
  const returnFocus = useReturnFocus(open === true);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        data-slot="shortcuts-sheet"
        className="max-h-[85svh] overflow-y-auto"
        onCloseAutoFocus={returnFocus}
      >
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>Press ? to show this list again.</DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-6">
          {groups.map((group) => (
            <section key={group.heading} className="flex flex-col gap-2">
              <h3 className="font-medium text-foreground-muted text-xs">{group.heading}</h3>
              <dl className="flex flex-col gap-2">
                {group.shortcuts.map((shortcut) => (
                  <div
                    key={shortcut.keys.join('+')}
                    data-slot="shortcut"
                    className="flex items-center justify-between gap-4 text-sm"
                  >
                    <dt>{shortcut.description}</dt>
                    <dd>
                      <KbdGroup>
                        {shortcut.keys.map((key) => (
                          <Kbd key={key}>{key}</Kbd>
                        ))}
                      </KbdGroup>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
