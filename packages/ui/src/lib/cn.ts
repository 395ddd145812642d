// Class-name joining for every component: clsx for conditions, tailwind-merge (taught our token names) for conflicts.
import { synclineTwMergeConfig } from '@syncline/tokens/tailwind-merge';
import { type ClassValue, clsx } from 'clsx';
import { extendTailwindMerge } from 'tailwind-merge';

const twMerge = extendTailwindMerge(synclineTwMergeConfig);

/** Joins class names; a later utility wins over an earlier one of the same group (`px-2` then `px-4` gives `px-4`). */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
