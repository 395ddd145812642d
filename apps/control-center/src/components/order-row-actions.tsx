// What each order in the list does, made once for the whole list: the address of its page and a click that opens it
// in the app, and its next step. Every row in view renders again whenever a filter or a key fills it with another
// order, so a row should only read these: the router's Link resolved its address and made its click handler per link
// on every render (its hooks read the location and the route matches, and stringify them), and each next-step button
// subscribed to the connection state for the write it might make.
import { createContext, use, useLayoutEffect, useMemo, useRef } from 'react';
import { useHref, useNavigate } from 'react-router';
import { advanceOrder } from '../lib/orders';
import { useWriteContext } from '../lib/use-write-context';

type OrderRowActionsValue = {
  /** The address of the orders' pages (with the router's basename), to which an order's id is added. */
  base: string;
  /** A click on an order's link: a plain left click opens it in the app, any other is the browser's (a new tab). */
  open: (event: React.MouseEvent<HTMLAnchorElement>, id: string) => void;
  /** Moves an order to its next step, written as the person now writes (who, and whether the server is reachable). */
  advance: (id: string) => void;
};

const OrderRowActionsContext = createContext<OrderRowActionsValue | null>(null);

/** A plain left click on a link in this window, as the router's Link tells one from a new tab's or a download's. */
const opensHere = (event: React.MouseEvent<HTMLAnchorElement>) =>
  event.button === 0 &&
  (!event.currentTarget.target || event.currentTarget.target === '_self') &&
  !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey);

/** Provides the actions to the order rows and cards inside (the orders page's). */
export function OrderRowActions({ children }: { children: React.ReactNode }) {
  const base = useHref('/orders');
  const navigate = useNavigate();
  // read when a step is taken, so a change of connection renders no row
  const write = useWriteContext();
  const latestWrite = useRef(write);
  useLayoutEffect(() => {
    latestWrite.current = write;
  });
  const value = useMemo<OrderRowActionsValue>(
    () => ({
      base,
      open: (event, id) => {
        if (event.defaultPrevented || !opensHere(event)) return;
        event.preventDefault();
        navigate(`/orders/${id}`);
      },
      advance: (id) => void advanceOrder(latestWrite.current, id),
    }),
    [base, navigate],
  );
  return <OrderRowActionsContext value={value}>{children}</OrderRowActionsContext>;
}

export function useOrderRowActions(): OrderRowActionsValue {
  const actions = use(OrderRowActionsContext);
  if (!actions) throw new Error('An order row needs OrderRowActions around it (the orders page provides them).');
  return actions;
}

/** An order's number, as a link to its page. */
export function OrderLink({ id, number, className }: { id: string; number: number; className?: string }) {
  const { base, open } = useOrderRowActions();
  return (
    <a href={`${base}/${id}`} onClick={(event) => open(event, id)} className={className}>
      #{number}
    </a>
  );
}
