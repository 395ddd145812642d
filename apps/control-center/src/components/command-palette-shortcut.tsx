// Listens for Ctrl/Cmd+K in the shell and loads the command palette on the first press: the palette (cmdk, its
// dialog) and its live lists of machines and orders cost nothing until someone asks for them.
import { useCommandPaletteHotkey } from '@syncline/ui';
import { lazy, Suspense, useState } from 'react';

const ControlCenterPalette = lazy(() =>
  import('./control-center-palette').then((module) => ({ default: module.ControlCenterPalette })),
);

export function CommandPaletteShortcut() {
  const [open, setOpen] = useState(false);
  // stays mounted once opened, so it keeps its lists and closes with its own animation
  const [asked, setAsked] = useState(false);
  useCommandPaletteHotkey(() => {
    setAsked(true);
    setOpen((wasOpen) => !wasOpen);
  });
  if (!asked) return null;
  return (
    <Suspense fallback={null}>
      <ControlCenterPalette open={open} onOpenChange={setOpen} />
    </Suspense>
  );
}
