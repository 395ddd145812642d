// The one subscription helper every Syncline hook is built on: an observable of the provider's database, held in
// React state, replaced when what it watches changes.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Observable } from 'rxjs';
import { useSyncline } from './context';

export interface Loaded<T> {
  value: T;
  /** true until the observable for the current `what` has answered */
  loading: boolean;
}

export interface UseObservableOptions {
  /**
   * While a new `what` has not answered yet, show the last answer (of the same database) rather than `initial`: a
   * list that narrows with every keystroke keeps its rows until the new ones are there, instead of flashing empty.
   * The new answer then replaces the last one the moment it arrives (rendered at once, not in React's next task),
   * so a pick or a keystroke and its answer reach the screen in the same frame, without a frame of the old rows.
   */
  keepPrevious?: boolean;
}

/**
 * Subscribes to an observable made from `what`; a new `what` (or another database, say after a tenant switch)
 * means a new subscription.
 */
export function useObservable<T>(
  what: string,
  make: () => Observable<T>,
  initial: T,
  options: UseObservableOptions = {},
): Loaded<T> {
  const database = useSyncline().database.token;
  const key = `${database}:${what}`;
  const [state, setState] = useState<{ key: string; database: string } & Loaded<T>>({
    key,
    database,
    value: initial,
    loading: true,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies `make`; closures change every render
  useEffect(() => {
    // the answer shown is an earlier `what`'s: its replacement goes to the screen as soon as it is read
    let stale = options.keepPrevious === true && state.key !== key && state.database === database;
    let subscribing = true;
    const subscription = make().subscribe((value) => {
      const show = () => setState({ key, database, value, loading: false });
      // an answer given while subscribing is inside React's effects, which render it with this commit anyway
      if (stale && !subscribing) flushSync(show);
      else show();
      stale = false;
    });
    subscribing = false;
    return () => subscription.unsubscribe();
  }, [key]);
  if (state.key === key) return state;
  const previous = options.keepPrevious && state.database === database;
  return { value: previous ? state.value : initial, loading: true };
}
