// Display preferences of this device: density (how much room controls and rows take) and the format of numbers,
// money and dates. Kept in localStorage like the theme, applied before first paint, and read by ./format.ts.
import type { Density } from '@syncline/ui';
import { setClockLocale } from '@syncline/ui/sync';
import { useSyncExternalStore } from 'react';

export type { Density };

export const densityChoices: ReadonlyArray<{ value: Density; label: string; hint: string }> = [
  { value: 'comfortable', label: 'Comfortable', hint: 'Room to tap: the default.' },
  { value: 'compact', label: 'Compact', hint: 'More rows on screen: tighter spacing and controls.' },
];

/** The formats offered: the shop's default (Irish English, euro), the device's own language, and a few others. */
export const formatChoices: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'en-IE', label: 'Shop default (English, Ireland)' },
  { value: 'device', label: "This device's language" },
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'en-US', label: 'English (United States)' },
  { value: 'de-DE', label: 'Deutsch (Deutschland)' },
  { value: 'fr-FR', label: 'Français (France)' },
];

const DENSITY_KEY = 'syncline:density';
const FORMAT_KEY = 'syncline:format';

function read(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function loadDensity(): Density {
  return read(DENSITY_KEY) === 'compact' ? 'compact' : 'comfortable';
}

export function loadFormat(): string {
  const saved = read(FORMAT_KEY);
  return formatChoices.some((choice) => choice.value === saved) ? (saved as string) : 'en-IE';
}

/** The BCP 47 locale a format choice stands for ("device" is the browser's language). */
export function localeOf(format: string): string {
  return format === 'device' && typeof navigator !== 'undefined' ? navigator.language : format;
}

/** Puts the density on the document, where the tokens' `[data-density]` rules read it. */
export function applyDensity(density: Density): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.density = density;
}

/** Hands the format's locale to the kit, whose times of day ("as of 09:05") then follow it like the app's own. */
export function applyFormat(format: string): void {
  setClockLocale(localeOf(format));
}

const listeners = new Set<() => void>();
let current = { density: loadDensity(), format: loadFormat() };

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setDensity(density: Density): void {
  localStorage.setItem(DENSITY_KEY, density);
  applyDensity(density);
  current = { ...current, density };
  for (const listener of listeners) listener();
}

export function setFormat(format: string): void {
  localStorage.setItem(FORMAT_KEY, format);
  applyFormat(format);
  current = { ...current, format };
  for (const listener of listeners) listener();
}

/** The current preferences; components re-render when one changes. */
export function usePreferences(): { density: Density; format: string } {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
}

/** The current format's locale, for formatters outside React. */
export function currentLocale(): string {
  return localeOf(current.format);
}
