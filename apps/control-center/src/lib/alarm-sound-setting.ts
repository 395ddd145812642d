// "Play a sound for critical alarms" (Settings → Notifications): a preference of this device, off by default, kept in
// localStorage and shared live between the Settings page and the header that plays the tone (and other tabs).
import { useSyncExternalStore } from 'react';

const key = 'syncline:alarm-sound';
const listeners = new Set<() => void>();

const read = () => {
  try {
    return localStorage.getItem(key) === 'on';
  } catch {
    return false;
  }
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key === key) listener();
  };
  window.addEventListener('storage', fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', fromOtherTab);
  };
}

export function setAlarmSound(enabled: boolean): void {
  localStorage.setItem(key, enabled ? 'on' : 'off');
  for (const listener of listeners) listener();
}

/** Whether the critical-alarm tone is on for this device. */
export function useAlarmSound(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}

const reducedMotion = '(prefers-reduced-motion: reduce)';

function subscribeReducedMotion(listener: () => void) {
  const query = matchMedia(reducedMotion);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** The system asks for reduced motion: the tone stays silent (see ./alarm-sound.ts). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => matchMedia(reducedMotion).matches,
    () => false,
  );
}
