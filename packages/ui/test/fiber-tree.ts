// What React rendered into a container, portals included, read from React's fiber tree: the components (to see a
// part rendered deep inside its root), the words (a dialog's or a popover's are not inside the container) and
// whether a part is still loading (a lazy chunk behind a Suspense boundary).
// React's internals: if this throws after an upgrade, the container key or the fiber fields below have moved.

interface Fiber {
  tag: number;
  type: unknown;
  elementType: unknown;
  memoizedProps: unknown;
  memoizedState: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
}

// React's work tags for a DOM element, a text node and a Suspense boundary.
const hostComponent = 5;
const hostText = 6;
const suspenseComponent = 13;

/** Every fiber under the container's root, in document order. */
function fibersOf(container: HTMLElement): Fiber[] {
  const key = Object.keys(container).find((name) => name.startsWith('__reactContainer$'));
  const hostRoot = key ? (container as unknown as Record<string, { stateNode?: { current?: Fiber } }>)[key] : undefined;
  const current = hostRoot?.stateNode?.current;
  if (!current) throw new Error('No React fiber tree on the container: React’s internals have changed.');
  const fibers: Fiber[] = [];
  const stack: Fiber[] = [current];
  while (stack.length > 0) {
    const fiber = stack.pop() as Fiber;
    fibers.push(fiber);
    if (fiber.sibling) stack.push(fiber.sibling);
    if (fiber.child) stack.push(fiber.child);
  }
  return fibers;
}

/** The component types rendered in the container: functions, and the objects memo and forwardRef make. */
export function renderedTypes(container: HTMLElement): Set<unknown> {
  return new Set(fibersOf(container).flatMap((fiber) => [fiber.type, fiber.elementType]));
}

/** The text rendered in the container and its portals. A lone string child has no text fiber: it is a prop. */
export function renderedText(container: HTMLElement): string {
  return fibersOf(container)
    .flatMap((fiber) => {
      if (fiber.tag === hostText) return [String(fiber.memoizedProps)];
      const children = (fiber.memoizedProps as { children?: unknown } | null)?.children;
      const lone = typeof children === 'string' || typeof children === 'number';
      return fiber.tag === hostComponent && lone ? [String(children)] : [];
    })
    .join('\u2002');
}

/** Whether a Suspense boundary in the container shows its fallback: a lazy part (a chunk) has not arrived yet. */
export function isLoading(container: HTMLElement): boolean {
  return fibersOf(container).some((fiber) => fiber.tag === suspenseComponent && fiber.memoizedState !== null);
}
