// The one subscription helper every Syncline hook is built on: an observable of the provider's database, held in
// React state, replaced when what it watches changes. `useObservableAtOnce` is its variant for an answer to what a
// person just typed, rendered in the task it arrives in.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
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
  const { database, key } = useSubscriptionKey(what);
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
  return waiting(state, database, initial, options);
}

/** The provider's database, and what names a subscription: a new `what`, or another database, is a new one. */
function useSubscriptionKey(what: string) {
  const database = useSyncline().database.token;
  return { database, key: `${database}:${what}` };
}

/** What to show while a new subscription has not answered: its `initial`, or the last answer (`keepPrevious`). */
function waiting<T>(
  last: { database: string; value: T } | undefined,
  database: string,
  initial: T,
  { keepPrevious }: UseObservableOptions,
): Loaded<T> {
  return { value: keepPrevious && last?.database === database ? last.value : initial, loading: true };
}

/** One subscription's answers, as `useSyncExternalStore` reads a store: the latest, or none yet. */
function answersOf<T>(make: () => Observable<T>) {
  let latest: { value: T } | undefined;
  return {
    subscribe(onAnswer: () => void) {
      const subscription = make().subscribe((value) => {
        latest = { value };
        onAnswer();
      });
      return () => subscription.unsubscribe();
    },
    latest: () => latest,
  };
}

/**
 * `useObservable` for an answer a person waits on, key by key (a search box's suggestions): each answer is rendered
 * in the task it arrives in, before the browser paints again. `useObservable`'s state updates are rendered in a
 * task of their own, which the browser may run only after painting a frame (the busy state, then the answer a
 * frame later); an external store's update React renders at once.
 */
export const useObservableAtOnce: typeof useObservable = (what, make, initial, options = {}) => {
  const { database, key } = useSubscriptionKey(what);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies `make`; closures change every render
  const answers = useMemo(() => answersOf(make), [key]);
  const answer = useSyncExternalStore(answers.subscribe, answers.latest, answers.latest);
  // the last answer shown, for `keepPrevious`: of this database only
  const shown = useRef<{ database: string; value: typeof initial }>(undefined);
  if (answer) {
    shown.current = { database, value: answer.value };
    return { value: answer.value, loading: false };
  }
  return waiting(shown.current, database, initial, options);
};
