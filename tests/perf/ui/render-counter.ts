// Counts which components render in each React commit, as React DevTools does: a minimal DevTools hook,
// installed before react-dom loads, walks the committed tree and records every component fiber that did work.
// Works in production and profiling builds alike (it reads fiber flags, not development-only fields).

interface Fiber {
  tag: number;
  flags: number;
  type: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}

export interface Commit {
  at: number;
  renders: string[];
}

const componentTags = new Set([0, 1, 11, 15]); // function, class, forwardRef, simple memo
const PerformedWork = 1;

function nameOf(fiber: Fiber): string {
  const type = fiber.type as { displayName?: string; name?: string; render?: { name?: string } } | null;
  return type?.displayName || type?.name || type?.render?.name || 'Anonymous';
}

export const commits: Commit[] = [];

function rendered(root: Fiber): string[] {
  const names: string[] = [];
  const stack: Fiber[] = [root];
  while (stack.length > 0) {
    const fiber = stack.pop() as Fiber;
    if (componentTags.has(fiber.tag) && (fiber.flags & PerformedWork) === PerformedWork) names.push(nameOf(fiber));
    if (fiber.sibling) stack.push(fiber.sibling);
    // a subtree React bailed out of keeps its previous fibers (and their old flags): skip it
    const skipped = fiber.alternate !== null && fiber.child === fiber.alternate.child;
    if (fiber.child && !skipped) stack.push(fiber.child);
  }
  return names;
}

(globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  isDisabled: false,
  renderers: new Map(),
  inject: () => 1,
  checkDCE: () => {},
  onScheduleFiberRoot: () => {},
  onCommitFiberUnmount: () => {},
  onPostCommitFiberRoot: () => {},
  onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
    const top = root.current;
    // the root fiber itself has no component; start from its child unless the whole tree was skipped
    const child = top.child;
    const names = child && !(top.alternate && top.alternate.child === child) ? rendered(child) : [];
    commits.push({ at: performance.now(), renders: names });
  },
};
