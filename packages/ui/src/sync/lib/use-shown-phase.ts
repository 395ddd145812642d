'use client';
// The phase a view shows for the phase its status is in, with PhaseDisplay's timing: a blip never flickers, a
// short sync is still seen. Pass a `display` shared by several views so they show the same phase at every moment.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SyncPhase } from '../sync-status-widget/sync-phase';
import { PhaseDisplay, type PhaseDisplayOptions } from './phase-display';

export function useShownPhase(phase: SyncPhase, options: PhaseDisplayOptions = {}): SyncPhase {
  const { settleDelayMs, minBusyMs } = options;
  // made once: the first phase shows at once, later ones through the display's timing
  const display = useState(() => new PhaseDisplay(phase, options))[0];
  useEffect(() => () => display.dispose(), [display]);
  useEffect(() => display.update(phase), [display, phase]);
  const shown = useSyncExternalStore(display.subscribe, display.current, display.current);
  // with no delays at all, the phase of this render is the one shown (no extra render)
  return settleDelayMs === 0 && minBusyMs === 0 ? phase : shown;
}
