// @syncline/ui: Radix + cva + Tailwind components on the Syncline tokens. Each component is also its own subpath
// (`@syncline/ui/button`), so an app pulls in only what it uses.

export * from './components/alert-dialog';
export * from './components/app-shell';
export * from './components/avatar';
export * from './components/badge';
export * from './components/button';
export * from './components/card';
export * from './components/checkbox';
export * from './components/command-palette';
export * from './components/data-table';
export * from './components/dialog';
export * from './components/dropdown-menu';
export * from './components/empty-state';
export * from './components/form-field';
export * from './components/input';
export * from './components/kbd';
export * from './components/label';
export * from './components/popover';
export * from './components/progress';
export * from './components/radio-group';
export * from './components/scroll-area';
export * from './components/select';
export * from './components/separator';
export * from './components/sheet';
export * from './components/skeleton';
export * from './components/sparkline';
export * from './components/spinner';
export * from './components/switch';
export * from './components/table';
export * from './components/tabs';
export * from './components/textarea';
export * from './components/theme-toggle';
export * from './components/toast';
export * from './components/tooltip';
export { cn } from './lib/cn';
export * from './machine';
export * from './sync';
