// How the connected views tell a person what happened to a write they asked for: the kit's toasts (mount one
// <Toaster /> near the app's root), in the data layer's own words when it fails.
import { toast } from '../components/toast/toast';

export function reportDone(message: string): void {
  toast.success(message);
}

export function reportFailure(error: unknown): void {
  toast.error(error instanceof Error ? error.message : String(error));
}

/** "1 change", "3 changes". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
