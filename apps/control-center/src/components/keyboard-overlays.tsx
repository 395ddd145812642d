// What Ctrl/Cmd+K and "?" open: the command palette and the shortcuts sheet, one chunk the shell loads when either
// is first asked for (see keyboard-shortcuts.tsx). The palette mounts on its first Ctrl/Cmd+K only, so its live
// lists cost nothing to someone who only looked at the shortcuts.
import { useState } from 'react';
import { WhenOpen } from '../runtime/opened-workspace';
import { ControlCenterPalette } from './control-center-palette';
import { ControlCenterShortcuts } from './control-center-shortcuts';

export type KeyboardOverlay = 'palette' | 'shortcuts';

export function KeyboardOverlays({
  open,
  onOpenChange,
}: {
  open: KeyboardOverlay | null;
  onOpenChange: (open: KeyboardOverlay | null) => void;
}) {
  // each stays mounted once opened, so it keeps its lists and closes with its own animation
  const [paletteAsked, setPaletteAsked] = useState(false);
  if (open === 'palette' && !paletteAsked) setPaletteAsked(true);
  const closeUnless = (overlay: KeyboardOverlay) => (next: boolean) => onOpenChange(next ? overlay : null);
  return (
    <>
      {paletteAsked ? (
        // its lists read the database: asked for before the shop has opened, it opens with it
        <WhenOpen>
          {() => (
            <ControlCenterPalette
              open={open === 'palette'}
              onOpenChange={closeUnless('palette')}
              onShowShortcuts={() => onOpenChange('shortcuts')}
            />
          )}
        </WhenOpen>
      ) : null}
      <ControlCenterShortcuts open={open === 'shortcuts'} onOpenChange={closeUnless('shortcuts')} />
    </>
  );
}
