'use client';
// Light, dark or follow the system: a menu button whose icon shows the theme in use. The choice is remembered
// on this device; with "system" the page follows the operating system as it changes.
import { MonitorIcon, MoonIcon, SunIcon } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../button/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '../dropdown-menu/dropdown-menu';
import {
  applyThemeChoice,
  readThemeChoice,
  resolveTheme,
  type ThemeChange,
  type ThemeChoice,
  themeChangeEvent,
  themeStorageKey,
} from './theme';

const labels: Record<ThemeChoice, string> = { light: 'Light', dark: 'Dark', system: 'System' };

/**
 * The saved theme choice and a setter that applies and remembers it; "system" follows the OS live. Mounting
 * changes nothing: the head script (`themeScript`) already applied the saved choice before the first paint.
 */
export function useThemeChoice(storageKey = themeStorageKey): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoiceState] = useState<ThemeChoice>(() => readThemeChoice(storageKey));
  const setChoice = useCallback(
    (next: ThemeChoice) => {
      setChoiceState(next);
      applyThemeChoice(next, storageKey);
    },
    [storageKey],
  );
  useEffect(() => {
    const follow = (event: Event) => {
      const change = (event as CustomEvent<ThemeChange>).detail;
      if (change.storageKey === storageKey) setChoiceState(change.choice);
    };
    window.addEventListener(themeChangeEvent, follow);
    return () => window.removeEventListener(themeChangeEvent, follow);
  }, [storageKey]);
  useEffect(() => {
    if (choice !== 'system' || typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyThemeChoice('system', storageKey);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [choice, storageKey]);
  return [choice, setChoice];
}

export type ThemeToggleProps = Omit<React.ComponentProps<typeof Button>, 'children' | 'onClick'> & {
  storageKey?: string;
};

export function ThemeToggle({ storageKey, ...props }: ThemeToggleProps) {
  const [choice, setChoice] = useThemeChoice(storageKey);
  const shown = resolveTheme(choice);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button data-slot="theme-toggle" variant="ghost" size="icon" aria-label={`Theme: ${labels[choice]}`} {...props}>
          {choice === 'system' ? <MonitorIcon /> : shown === 'dark' ? <MoonIcon /> : <SunIcon />}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={choice} onValueChange={(value) => setChoice(value as ThemeChoice)}>
          {(Object.keys(labels) as ThemeChoice[]).map((value) => (
            <DropdownMenuRadioItem key={value} value={value}>
              {labels[value]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
