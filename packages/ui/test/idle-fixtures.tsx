// Every component `@syncline/ui` exports, with the smallest props it renders with: its required props (children
// count as content), plus `open` where a part only exists while its root is open. A part that needs its root (a
// dialog's title, a tab's trigger) points at the root's fixture, which renders it; the idle test checks that it did.
// Typed against the exports, so `tsc` fails when a new component has no entry here; the test fails too. Then the
// clocks: components given a time to show, and how often its text changes while the test idles.
import { MenuIcon } from 'lucide-react';
import type * as kit from '../src';
import {
  AlarmChip,
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
  AppShell,
  AppShellNav,
  AppShellNavItem,
  AttachmentTile,
  Avatar,
  AvatarFallback,
  AvatarImage,
  Badge,
  BarChart,
  Breadcrumb,
  BulkActionBar,
  Button,
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  Checkbox,
  type ColumnDef,
  Combobox,
  CommandPalette,
  ConfirmDialog,
  ConflictDiffViewer,
  ConflictInbox,
  DataTable,
  DatePicker,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
  EmptyState,
  FieldChangedNotice,
  FieldValue,
  FormField,
  Input,
  Kbd,
  KbdGroup,
  Label,
  MachineCard,
  MachineGrid,
  MetricCard,
  NotificationCenter,
  OfflineBanner,
  Popover,
  PopoverAnchor,
  PopoverContent,
  PopoverTrigger,
  Progress,
  ProgressRing,
  RadioGroup,
  RadioGroupItem,
  ScrollArea,
  ScrollBar,
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
  Separator,
  SettledFieldsList,
  Sheet,
  SheetClose,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
  ShortcutsSheet,
  Skeleton,
  Sparkline,
  Spinner,
  Switch,
  SyncDot,
  SyncQueuePanel,
  SyncRow,
  SyncStatusWidget,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  Textarea,
  ThemeToggle,
  Toaster,
  Tooltip,
  TooltipContent,
  TooltipProvider,
  TooltipTrigger,
} from '../src';
import type * as machine from '../src/machine';
import type * as sync from '../src/sync';

/** The components of the kit's entry points: their PascalCase value exports (the rest are functions and hooks). */
export type ComponentName = Extract<keyof typeof kit | keyof typeof sync | keyof typeof machine, Capitalize<string>>;

/** How long the test idles once everything has settled, on its fake clock. */
export const idleSeconds = 120;

export interface Mountable {
  render: () => React.ReactElement;
  /** Why it renders more than its required props. */
  why?: string;
  /** How many times its text changes in `idleSeconds` (a clock it shows); none when left out. */
  textChanges?: number;
}

export type Fixture =
  | Mountable
  /** Rendered by another component's fixture, because it only works inside that component. */
  | { inside: ComponentName; why: string };

// Fixed moments for props that take the time, so nothing here depends on when the test runs. Components with a
// clock of their own get `Date.now()` instead (read under the test's fake clock), so their clock has text to move.
const noon = Date.UTC(2026, 10, 20, 12);
const minute = 60_000;

interface Order {
  id: string;
  customer: string;
}
const orderColumns: ColumnDef<Order, unknown>[] = [{ accessorKey: 'customer', header: 'Customer' }];
const orders: Order[] = [{ id: 'order-1', customer: 'Ada Almeida' }];

const whileOpen = 'its parts render only while it is open, so it is mounted open with every part';
const inDialog = 'a part of a Dialog: rendered in the open Dialog fixture';
const inAlertDialog = 'a part of an AlertDialog: rendered in the open AlertDialog fixture';
const inMenu = 'a part of a DropdownMenu (menu context): rendered in the open DropdownMenu fixture';
const inSelect = 'a part of a Select (select context): rendered in the open Select fixture';
const inSheet = 'a part of a Sheet: rendered in the open Sheet fixture';
const inPopover = 'a part of a Popover (popover context): rendered in the open Popover fixture';
const inTooltip = 'a part of a Tooltip (tooltip context): rendered in the open Tooltip fixture';
const inTable = 'a table section or cell: only valid inside a <table>, rendered in the Table fixture';
const inCard = 'a region of a Card, laid out by its grid: rendered in the Card fixture';
const inTabs = 'a part of Tabs (tabs context): rendered in the Tabs fixture';

export const fixtures: Record<ComponentName, Fixture> = {
  AlarmChip: {
    render: () => (
      <AlarmChip
        alarm={{ id: 'alarm-1', severity: 'major', message: 'Door open', raisedAt: noon - 5 * minute }}
        now={noon}
      />
    ),
  },
  AlertDialog: {
    why: whileOpen,
    render: () => (
      <AlertDialog open>
        <AlertDialogTrigger>Delete</AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete order 1042?</AlertDialogTitle>
            <AlertDialogDescription>It is removed on every device.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Keep</AlertDialogCancel>
            <AlertDialogAction>Delete</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    ),
  },
  AlertDialogAction: { inside: 'AlertDialog', why: inAlertDialog },
  AlertDialogCancel: { inside: 'AlertDialog', why: inAlertDialog },
  AlertDialogContent: { inside: 'AlertDialog', why: inAlertDialog },
  AlertDialogDescription: { inside: 'AlertDialog', why: inAlertDialog },
  AlertDialogFooter: { inside: 'AlertDialog', why: inAlertDialog },
  AlertDialogHeader: { inside: 'AlertDialog', why: inAlertDialog },
  AlertDialogTitle: { inside: 'AlertDialog', why: inAlertDialog },
  AlertDialogTrigger: { inside: 'AlertDialog', why: inAlertDialog },
  AppShell: {
    render: () => (
      <AppShell
        brand="Syncline"
        navigation={
          <AppShellNav>
            <AppShellNavItem icon={<MenuIcon />} label="Orders" />
          </AppShellNav>
        }
      >
        Orders
      </AppShell>
    ),
  },
  AppShellNav: {
    inside: 'AppShell',
    why: 'the navigation an AppShell renders in its sidebar: in the AppShell fixture',
  },
  AppShellNavItem: { inside: 'AppShell', why: 'reads the AppShell (collapsed, drawer) from context: in its fixture' },
  AttachmentTile: { render: () => <AttachmentTile name="stain.jpg" type="image/jpeg" size={1000} state="pending" /> },
  Avatar: {
    render: () => (
      <Avatar>
        <AvatarImage alt="" />
        <AvatarFallback>AA</AvatarFallback>
      </Avatar>
    ),
  },
  AvatarFallback: { inside: 'Avatar', why: 'shown by an Avatar while its image is missing: in the Avatar fixture' },
  AvatarImage: { inside: 'Avatar', why: 'reports its loading state to the Avatar: in the Avatar fixture' },
  Badge: { render: () => <Badge>Ready</Badge> },
  BarChart: { render: () => <BarChart bars={[{ label: 'Mon 7 Dec', value: 3 }]} label="Orders per day" /> },
  Breadcrumb: { render: () => <Breadcrumb items={[{ label: 'Orders', href: '#orders' }, { label: 'Order 1042' }]} /> },
  BulkActionBar: {
    render: () => (
      <BulkActionBar
        count={2}
        label="Selected orders"
        actions={<Button>Mark ready</Button>}
        onClearSelection={() => {}}
      />
    ),
  },
  Button: { render: () => <Button>Save</Button> },
  Card: {
    render: () => (
      <Card>
        <CardHeader>
          <CardTitle>Orders</CardTitle>
          <CardDescription>This week</CardDescription>
          <CardAction>
            <Button>Open</Button>
          </CardAction>
        </CardHeader>
        <CardContent>42 orders</CardContent>
        <CardFooter>Updated hourly</CardFooter>
      </Card>
    ),
  },
  CardAction: { inside: 'Card', why: inCard },
  CardContent: { inside: 'Card', why: inCard },
  CardDescription: { inside: 'Card', why: inCard },
  CardFooter: { inside: 'Card', why: inCard },
  CardHeader: { inside: 'Card', why: inCard },
  CardTitle: { inside: 'Card', why: inCard },
  Checkbox: { render: () => <Checkbox /> },
  Combobox: {
    why: whileOpen,
    render: () => (
      <Combobox
        aria-label="Customer"
        defaultOpen
        options={[{ value: 'c1', label: 'Ada Almeida', description: '+351 912 345 678' }]}
        value=""
        onValueChange={() => {}}
      />
    ),
  },
  ConfirmDialog: {
    why: 'it renders only while open, so it is mounted open',
    render: () => (
      <ConfirmDialog
        open
        onConfirm={() => undefined}
        title="Cancel 2 orders?"
        description="They stay in the list, marked cancelled."
        confirmLabel="Cancel orders"
      />
    ),
  },
  DatePicker: {
    why: whileOpen,
    render: () => (
      <DatePicker aria-label="Due" defaultOpen value={new Date(2030, 2, 14, 17, 30)} onValueChange={() => {}} />
    ),
  },
  CommandPalette: {
    why: 'closed it is only a Ctrl/Cmd+K listener, so it is mounted open to render its list',
    render: () => (
      <CommandPalette open groups={[{ heading: 'Pages', items: [{ id: 'orders', label: 'Orders', onSelect() {} }] }]} />
    ),
  },
  ConflictDiffViewer: {
    render: () => (
      <ConflictDiffViewer
        base={{ id: 'order-1', status: 'new', note: 'Ring twice' }}
        local={{ id: 'order-1', status: 'packed', note: 'Ring twice' }}
        server={{ id: 'order-1', status: 'cancelled', note: 'Ring once' }}
        onApply={() => {}}
      />
    ),
  },
  ConflictInbox: {
    why: 'a conflict shows when it was detected: "just now", then "1 min ago" at 45 s and "2 min ago" at 90 s',
    textChanges: 2,
    render: () => (
      <ConflictInbox
        conflicts={[
          { id: 'c-1', collection: 'orders', documentId: '1042', fields: ['status'], detectedAt: Date.now() },
        ]}
      />
    ),
  },
  DataTable: {
    render: () => <DataTable label="Orders" data={orders} columns={orderColumns} getRowId={(order) => order.id} />,
  },
  Dialog: {
    why: whileOpen,
    render: () => (
      <Dialog open>
        <DialogTrigger>Edit</DialogTrigger>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Edit order 1042</DialogTitle>
            <DialogDescription>Changes sync when you are online.</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose>Done</DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    ),
  },
  DialogClose: { inside: 'Dialog', why: inDialog },
  DialogContent: { inside: 'Dialog', why: inDialog },
  DialogDescription: { inside: 'Dialog', why: inDialog },
  DialogFooter: { inside: 'Dialog', why: inDialog },
  DialogHeader: { inside: 'Dialog', why: inDialog },
  DialogOverlay: { inside: 'Dialog', why: `${inDialog} (DialogContent renders it)` },
  DialogTitle: { inside: 'Dialog', why: inDialog },
  DialogTrigger: { inside: 'Dialog', why: inDialog },
  DropdownMenu: {
    why: `${whileOpen}, its submenu open too`,
    render: () => (
      <DropdownMenu open>
        <DropdownMenuTrigger>Actions</DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>Order 1042</DropdownMenuLabel>
          <DropdownMenuGroup>
            <DropdownMenuItem>
              Edit <DropdownMenuShortcut>⌘E</DropdownMenuShortcut>
            </DropdownMenuItem>
          </DropdownMenuGroup>
          <DropdownMenuSeparator />
          <DropdownMenuCheckboxItem>Pinned</DropdownMenuCheckboxItem>
          <DropdownMenuRadioGroup>
            <DropdownMenuRadioItem value="normal">Normal</DropdownMenuRadioItem>
          </DropdownMenuRadioGroup>
          <DropdownMenuSub open>
            <DropdownMenuSubTrigger>Move to</DropdownMenuSubTrigger>
            <DropdownMenuSubContent>
              <DropdownMenuItem>Archive</DropdownMenuItem>
            </DropdownMenuSubContent>
          </DropdownMenuSub>
        </DropdownMenuContent>
      </DropdownMenu>
    ),
  },
  DropdownMenuCheckboxItem: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuContent: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuGroup: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuItem: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuLabel: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuRadioGroup: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuRadioItem: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuSeparator: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuShortcut: { inside: 'DropdownMenu', why: `${inMenu} (laid out by its item)` },
  DropdownMenuSub: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuSubContent: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuSubTrigger: { inside: 'DropdownMenu', why: inMenu },
  DropdownMenuTrigger: { inside: 'DropdownMenu', why: inMenu },
  EmptyState: { render: () => <EmptyState title="No orders yet" /> },
  FieldChangedNotice: {
    render: () => (
      <FieldChangedNotice label="Priority" from="high" to="low" onKeepTheirs={() => {}} onKeepMine={() => {}} />
    ),
  },
  FieldValue: { render: () => <FieldValue value="Ring twice" /> },
  FormField: {
    render: () => (
      <FormField label="Customer">
        <Input />
      </FormField>
    ),
  },
  Input: { render: () => <Input /> },
  Kbd: { render: () => <Kbd>Esc</Kbd> },
  KbdGroup: {
    render: () => (
      <KbdGroup>
        <Kbd>Ctrl</Kbd>
        <Kbd>K</Kbd>
      </KbdGroup>
    ),
  },
  Label: { render: () => <Label>Customer</Label> },
  MachineCard: { render: () => <MachineCard name="Washer 1" state="idle" /> },
  MachineGrid: { render: () => <MachineGrid machines={[{ id: 'washer-1', name: 'Washer 1', state: 'idle' }]} /> },
  MetricCard: { render: () => <MetricCard label="Revenue today" value="€12.00" /> },
  NotificationCenter: {
    render: () => (
      <NotificationCenter
        notifications={[
          {
            id: 'alarm-1',
            kind: 'alarm',
            severity: 'critical',
            title: 'Washer 1: Heater over temperature',
            at: noon - 5 * minute,
            read: false,
            href: '/machines/washer-1',
          },
        ]}
        now={noon}
      />
    ),
  },
  OfflineBanner: { render: () => <OfflineBanner online={false} /> },
  Popover: {
    why: whileOpen,
    render: () => (
      <Popover open>
        <PopoverAnchor />
        <PopoverTrigger>Details</PopoverTrigger>
        <PopoverContent>Last synced just now</PopoverContent>
      </Popover>
    ),
  },
  PopoverAnchor: { inside: 'Popover', why: inPopover },
  PopoverContent: { inside: 'Popover', why: inPopover },
  PopoverTrigger: { inside: 'Popover', why: inPopover },
  Progress: { render: () => <Progress /> },
  ProgressRing: { render: () => <ProgressRing /> },
  RadioGroup: {
    render: () => (
      <RadioGroup>
        <RadioGroupItem value="normal" />
      </RadioGroup>
    ),
  },
  RadioGroupItem: { inside: 'RadioGroup', why: 'an option of a RadioGroup (group context): in its fixture' },
  ScrollArea: {
    render: () => (
      <ScrollArea className="h-20 w-40">
        <p className="h-60 w-80">A long list</p>
        <ScrollBar orientation="horizontal" />
      </ScrollArea>
    ),
  },
  ScrollBar: { inside: 'ScrollArea', why: 'a bar of a ScrollArea (scroll area context): in its fixture' },
  Select: {
    why: whileOpen,
    render: () => (
      <Select open>
        <SelectTrigger>
          <SelectValue placeholder="Status" />
        </SelectTrigger>
        <SelectContent>
          <SelectGroup>
            <SelectLabel>Status</SelectLabel>
            <SelectItem value="new">New</SelectItem>
          </SelectGroup>
          <SelectSeparator />
        </SelectContent>
      </Select>
    ),
  },
  SelectContent: { inside: 'Select', why: inSelect },
  SelectGroup: { inside: 'Select', why: inSelect },
  SelectItem: { inside: 'Select', why: inSelect },
  SelectLabel: { inside: 'Select', why: inSelect },
  SelectSeparator: { inside: 'Select', why: inSelect },
  SelectTrigger: { inside: 'Select', why: inSelect },
  SelectValue: { inside: 'Select', why: inSelect },
  Separator: { render: () => <Separator /> },
  SettledFieldsList: {
    render: () => (
      <SettledFieldsList
        items={[
          {
            id: 'o1|priority',
            field: 'priority',
            label: 'Priority',
            rule: 'latest',
            winner: 'server',
            won: 'urgent',
            lost: 'high',
            state: 'kept',
          },
        ]}
        onReverse={() => {}}
      />
    ),
  },
  Sheet: {
    why: whileOpen,
    render: () => (
      <Sheet open>
        <SheetTrigger>Filters</SheetTrigger>
        <SheetContent>
          <SheetHeader>
            <SheetTitle>Filters</SheetTitle>
            <SheetDescription>Narrow the order list.</SheetDescription>
          </SheetHeader>
          <SheetFooter>
            <SheetClose>Done</SheetClose>
          </SheetFooter>
        </SheetContent>
      </Sheet>
    ),
  },
  ShortcutsSheet: {
    why: whileOpen,
    render: () => (
      <ShortcutsSheet
        open
        groups={[{ heading: 'Anywhere', shortcuts: [{ keys: ['Ctrl', 'K'], description: 'Search' }] }]}
      />
    ),
  },
  SheetClose: { inside: 'Sheet', why: inSheet },
  SheetContent: { inside: 'Sheet', why: inSheet },
  SheetDescription: { inside: 'Sheet', why: inSheet },
  SheetFooter: { inside: 'Sheet', why: inSheet },
  SheetHeader: { inside: 'Sheet', why: inSheet },
  SheetTitle: { inside: 'Sheet', why: inSheet },
  SheetTrigger: { inside: 'Sheet', why: inSheet },
  Skeleton: { render: () => <Skeleton /> },
  Sparkline: { render: () => <Sparkline values={[3, 5, 4, 6]} label="Spindle load" /> },
  Spinner: { render: () => <Spinner /> },
  Switch: { render: () => <Switch /> },
  SyncDot: { render: () => <SyncDot state="pending" /> },
  SyncQueuePanel: {
    why: 'a write shows when it was saved: "just now", then "1 min ago" at 45 s and "2 min ago" at 90 s',
    textChanges: 2,
    render: () => (
      <SyncQueuePanel
        items={[
          {
            id: 'write-1',
            collection: 'orders',
            documentId: '1042',
            operation: 'update',
            state: 'pending',
            queuedAt: Date.now(),
            attempts: 0,
          },
        ]}
      />
    ),
  },
  SyncRow: { render: () => <SyncRow state="failed">Order 1042</SyncRow> },
  SyncStatusWidget: { render: () => <SyncStatusWidget /> },
  Table: {
    render: () => (
      <Table>
        <TableCaption>Orders</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Customer</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>Ada Almeida</TableCell>
          </TableRow>
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell>1 order</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    ),
  },
  TableBody: { inside: 'Table', why: inTable },
  TableCaption: { inside: 'Table', why: inTable },
  TableCell: { inside: 'Table', why: inTable },
  TableFooter: { inside: 'Table', why: inTable },
  TableHead: { inside: 'Table', why: inTable },
  TableHeader: { inside: 'Table', why: inTable },
  TableRow: { inside: 'Table', why: inTable },
  Tabs: {
    render: () => (
      <Tabs defaultValue="orders">
        <TabsList>
          <TabsTrigger value="orders">Orders</TabsTrigger>
        </TabsList>
        <TabsContent value="orders">42 orders</TabsContent>
      </Tabs>
    ),
  },
  TabsContent: { inside: 'Tabs', why: inTabs },
  TabsList: { inside: 'Tabs', why: inTabs },
  TabsTrigger: { inside: 'Tabs', why: inTabs },
  Textarea: { render: () => <Textarea /> },
  ThemeToggle: { render: () => <ThemeToggle /> },
  Toaster: { render: () => <Toaster /> },
  Tooltip: {
    why: whileOpen,
    render: () => (
      <Tooltip open>
        <TooltipTrigger>Why?</TooltipTrigger>
        <TooltipContent>Waiting for the server</TooltipContent>
      </Tooltip>
    ),
  },
  TooltipContent: { inside: 'Tooltip', why: inTooltip },
  TooltipProvider: {
    render: () => (
      <TooltipProvider>
        <Button>Save</Button>
      </TooltipProvider>
    ),
  },
  TooltipTrigger: { inside: 'Tooltip', why: inTooltip },
};

/** Clocks with something to show: each must re-render as often as its text changes, and the text must change. */
export const clockFixtures: Record<string, Mountable & { textChanges: number }> = {
  'MachineCard counting a cycle down': {
    why: 'the countdown moves every second',
    textChanges: idleSeconds,
    render: () => (
      // online: a card counts down only while its data is live (no heartbeat to go by would stop the countdown)
      <MachineCard
        name="Washer 1"
        state="running"
        connection="online"
        cycle={{ program: 'Wool', startedAt: Date.now(), durationSec: 3600 }}
      />
    ),
  },
  'MachineCard losing its heartbeat': {
    why: 'online until 60 s, then "Stale · last seen 1 min ago", then "2 min ago" at 90 s',
    textChanges: 2,
    render: () => <MachineCard name="Washer 1" state="idle" lastSeenAt={Date.now()} />,
  },
  'MachineCard with a new alarm': {
    why: 'raised for 1 s, 2 s … 59 s, "1 min" at 60 s and "2 min" at 120 s',
    textChanges: 61,
    render: () => (
      <MachineCard
        name="Washer 1"
        state="error"
        alarms={[{ id: 'alarm-1', severity: 'major', message: 'Door open', raisedAt: Date.now() }]}
      />
    ),
  },
  'MachineGrid with a machine losing its heartbeat': {
    why: 'at 60 s the card goes stale and the summary counts it; at 90 s the card says "2 min ago"',
    textChanges: 2,
    render: () => (
      <MachineGrid machines={[{ id: 'washer-1', name: 'Washer 1', state: 'idle', lastSeenAt: Date.now() }]} />
    ),
  },
  'NotificationCenter with its list open': {
    why: '"just now", then "1 min ago" at 45 s and "2 min ago" at 90 s (kept open: the other fixtures take focus)',
    textChanges: 2,
    render: () => (
      <NotificationCenter
        notifications={[
          {
            id: 'conflict-1',
            kind: 'conflict',
            severity: 'warning',
            title: 'Order #1042',
            at: Date.now(),
            read: false,
            href: '/conflicts/1042',
          },
        ]}
        open
      />
    ),
  },
  'SyncStatusWidget with its details open': {
    why: '"Last synced just now", then "1 min ago" at 45 s and "2 min ago" at 90 s',
    textChanges: 2,
    // held open: a focus handed among the other fixtures' dialogs late in a busy run would close details open by default
    render: () => <SyncStatusWidget connection="online" lastSyncedAt={Date.now()} open onOpenChange={() => {}} />,
  },
};
