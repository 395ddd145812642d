// "?": the control center's keyboard shortcuts, with the keys this computer has (⌘ on a Mac, Ctrl elsewhere).
// Loaded on the first "?" (see keyboard-shortcuts.tsx).
import { type ShortcutGroup, ShortcutsSheet } from '@syncline/ui';

/** The shortcuts, for a Mac's keyboard or another's. */
export function shortcutGroups(mac: boolean): ShortcutGroup[] {
  const mod = mac ? '⌘' : 'Ctrl';
  return [
    {
      heading: 'Anywhere',
      shortcuts: [
        { keys: [mod, 'K'], description: 'Open the command palette' },
        { keys: ['?'], description: 'Show the keyboard shortcuts' },
        { keys: [mod, 'B'], description: 'Collapse or expand the sidebar' },
      ],
    },
    {
      heading: 'In the command palette',
      shortcuts: [
        { keys: ['↓'], description: 'Next result' },
        { keys: ['↑'], description: 'Previous result' },
        { keys: ['Enter'], description: 'Run the selected result' },
        { keys: ['Esc'], description: 'Close' },
      ],
    },
    {
      heading: 'Reviewing a conflict',
      shortcuts: [
        { keys: ['J'], description: 'Next conflicting field' },
        { keys: ['K'], description: 'Previous conflicting field' },
        { keys: ['1'], description: 'Keep this device’s value' },
        { keys: ['2'], description: 'Keep the server’s value' },
        { keys: ['3'], description: 'Keep the original value' },
        { keys: ['Enter'], description: 'Apply the choices' },
      ],
    },
  ];
}

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

export function ControlCenterShortcuts(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return <ShortcutsSheet groups={shortcutGroups(onMac)} {...props} />;
}
