// The orders page's saved views, wired to the person's views on this device: the menu's choices save, update,
// rename and delete them there, and picking one (or saving one) puts it in the address.
import { SavedViewsMenu } from '../components/saved-views-menu';
import { type OrderView, orderViewOf, sameOrderView, savedViewFields } from '../lib/order-view';
import { deleteView, saveView, updateView, useSavedViews } from '../lib/saved-views';
import { useWriteContext } from '../lib/use-write-context';

export interface OrderSavedViewsProps {
  /** what the table shows now */
  view: OrderView;
  /** the saved view the address names */
  viewId: string | undefined;
  /** shows a view, naming the saved view it is (or none) */
  onApply: (view: OrderView, viewId: string | undefined) => void;
}

export function OrderSavedViews({ view, viewId, onApply }: OrderSavedViewsProps) {
  const write = useWriteContext();
  const { views } = useSavedViews('orders');
  // a view of someone else's (a shared address) or one deleted since shows its filters, not its name
  const active = views.find((saved) => saved.id === viewId);
  const changed = active !== undefined && !sameOrderView(orderViewOf(active), view);
  return (
    <SavedViewsMenu
      views={views}
      active={active}
      changed={changed}
      onPick={(saved) => onApply(orderViewOf(saved), saved.id)}
      onSave={(name) =>
        void saveView(write, 'orders', name, savedViewFields(view)).then((saved) => onApply(view, saved.id))
      }
      onUpdate={(saved) => void updateView(write, saved.id, savedViewFields(view))}
      onRename={(saved, name) => void updateView(write, saved.id, { name })}
      onDelete={(saved) => {
        void deleteView(write, saved.id);
        onApply(view, undefined);
      }}
    />
  );
}
