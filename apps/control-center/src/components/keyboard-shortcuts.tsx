// The shell's keyboard: Ctrl/Cmd+K opens the command palette and "?" the list of shortcuts. What they open is not in
// the shell's first download: it is loaded on the first press, or before, once the browser is idle, so that the
// first Ctrl/Cmd+K opens at once and the words typed straight after it land in the palette's search box.
import { useCommandPaletteHotkey, useShortcutsSheetHotkey } from '@syncline/ui';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { KeyboardOverlay } from './keyboard-overlays';

const loadOverlays = () => import('./keyboard-overlays');
const KeyboardOverlays = lazy(() => loadOverlays().then((module) => ({ default: module.KeyboardOverlays })));

export function KeyboardShortcuts() {
  const [open, setOpen] = useState<KeyboardOverlay | null>(null);
  const [asked, setAsked] = useState(false);
  const show = (overlay: KeyboardOverlay) => {
    setAsked(true);
    setOpen((current) => (current === overlay && overlay === 'palette' ? null : overlay));
  };
  useCommandPaletteHotkey(() => show('palette'));
  useShortcutsSheetHotkey(() => show('shortcuts'));
  useEffect(() => {
    const idle = (window.requestIdleCallback ?? setTimeout)(() => void loadOverlays());
    return () => (window.cancelIdleCallback ?? clearTimeout)(idle);
  }, []);
  if (!asked) return null;
  return (
    <Suspense fallback={null}>
      <KeyboardOverlays open={open} onOpenChange={setOpen} />
    </Suspense>
  );
}
