// Seeded, deterministic demo and benchmark data for the control center: the same seed always yields the same shop.
import type { MachineCommand } from './commands';
import type { Customer } from './customers';
import type { Location } from './locations';
import { type Machine, type MachineKind, type MachineState, machineStates } from './machines';
import {
  newOrderLine,
  type Order,
  type OrderItem,
  type OrderPriority,
  type OrderStatus,
  orderLastTouchedAt,
  orderLineId,
  orderStatusFlow,
  standardTaxRate,
  storedTotals,
} from './orders';
import type { Service } from './services';

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface DemoDataOptions {
  seed?: number;
  locations?: number;
  customers?: number;
  machines?: number;
  orders?: number;
  /** the "present" the data is generated around; fixed by default so output is deterministic */
  now?: number;
}

export interface DemoData {
  locations: Location[];
  /** the service catalogue (the same for every seed) */
  services: Service[];
  customers: Customer[];
  machines: Machine[];
  orders: Order[];
  /** the commands that started the running machines' cycles */
  commands: MachineCommand[];
}

const firstNames = [
  'Ada',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elena',
  'Farah',
  'Gustav',
  'Hana',
  'Ines',
  'Jonas',
  'Kemal',
  'Lea',
  'Mateo',
  'Nora',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zoe',
];
const lastNames = [
  'Almeida',
  'Berger',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Horvat',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Novak',
  'Okafor',
  'Petrov',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Varga',
  'Weber',
  'Yilmaz',
];
const streets = [
  'Mill Lane',
  'Harbour Road',
  'Station Street',
  'Linden Allee',
  'Canal Walk',
  'Market Square',
  'Elm Row',
];
const cities = [
  { city: 'Lisbon', timezone: 'Europe/Lisbon' },
  { city: 'Vienna', timezone: 'Europe/Vienna' },
  { city: 'Oslo', timezone: 'Europe/Oslo' },
  { city: 'Lyon', timezone: 'Europe/Paris' },
  { city: 'Gdańsk', timezone: 'Europe/Warsaw' },
];
/** The services a shop sells, with unit prices in cents: the seeded catalogue every demo order's lines come from. */
export const demoServices: readonly Omit<Service, 'createdAt'>[] = (
  [
    { id: 'svc-shirt', sku: 'SHIRT', name: 'Shirt, washed and pressed', unitPrice: 350, unit: 'item' },
    { id: 'svc-trousers', sku: 'TROUSERS', name: 'Trousers', unitPrice: 450, unit: 'item' },
    { id: 'svc-duvet-s', sku: 'DUVET-S', name: 'Duvet, single', unitPrice: 1_400, unit: 'item' },
    { id: 'svc-duvet-d', sku: 'DUVET-D', name: 'Duvet, double', unitPrice: 1_900, unit: 'item' },
    { id: 'svc-bedset', sku: 'BEDSET', name: 'Bed linen set', unitPrice: 1_100, unit: 'set' },
    { id: 'svc-kg-mixed', sku: 'KG-MIXED', name: 'Mixed wash', unitPrice: 290, unit: 'kg' },
    { id: 'svc-towels', sku: 'TOWELS', name: 'Towels, 5', unitPrice: 800, unit: 'bundle' },
    { id: 'svc-curtains', sku: 'CURTAINS', name: 'Curtains', unitPrice: 1_250, unit: 'panel' },
    { id: 'svc-workwear', sku: 'WORKWEAR', name: 'Workwear', unitPrice: 950, unit: 'set' },
  ] satisfies Pick<Service, 'id' | 'sku' | 'name' | 'unitPrice' | 'unit'>[]
).map((service) => ({ ...service, taxRate: standardTaxRate, active: true }));
const orderTags = ['express', 'delicate', 'stain', 'hypoallergenic', 'business', 'repeat', 'fragrance-free'];
const customerTags = ['vip', 'business', 'student', 'subscription', 'late-payer'];
const noteLines = [
  'Red wine stain on the left sleeve.',
  'Customer asks for no fabric softener.',
  'Two buttons loose.',
  'Call before delivery.',
  'Hang dry the wool items.',
  '',
];
const programs: Record<MachineKind, string[]> = {
  washer: ['Cotton 60°', 'Delicates 30°', 'Wool 40°', 'Heavy soil 90°'],
  dryer: ['Cotton dry', 'Low heat', 'Timed 40 min'],
  ironer: ['Linen press', 'Shirt press'],
  folder: ['Towel fold', 'Sheet fold'],
};
const alarmCatalogue = [
  { code: 'E-DOOR', severity: 'warning', message: 'Door not locked' },
  { code: 'E-DRAIN', severity: 'major', message: 'Drain pump blocked' },
  { code: 'E-TEMP', severity: 'critical', message: 'Heater over temperature' },
  { code: 'E-VIBR', severity: 'minor', message: 'Drum imbalance detected' },
  { code: 'I-FILTER', severity: 'warning', message: 'Lint filter due for cleaning' },
] as const;

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
/** 2026-01-15 09:00 UTC: the fixed "now" of generated data. */
export const demoEpoch = Date.UTC(2026, 0, 15, 9, 0, 0);

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function pickSome<T>(random: () => number, list: readonly T[], chance: number): T[] {
  return list.filter(() => random() < chance);
}

function emailName(first: string, last: string): string {
  return `${first}.${last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
}

function idOf(prefix: string, n: number): string {
  return `${prefix}-${n.toString().padStart(6, '0')}`;
}

/** Generates locations, customers, machines and orders. 100,000 orders take well under a second. */
export function createDemoData(options: DemoDataOptions = {}): DemoData {
  const { seed = 1, now = demoEpoch } = options;
  const random = createRandom(seed);
  const locations = generateLocations(random, options.locations ?? 2);
  const customers = generateCustomers(random, options.customers ?? 50, now);
  const machines = generateMachines(random, options.machines ?? 12, locations, now);
  const orders = Array.from(generateOrders({ seed: seed + 1, count: options.orders ?? 200, customers, machines, now }));
  const services = demoServices.map((service) => ({ ...service, createdAt: now - 730 * day }));
  return { locations, services, customers, machines, orders, commands: startCommands(machines) };
}

function generateLocations(random: () => number, count: number): Location[] {
  return Array.from({ length: count }, (_, i) => {
    const place = cities[i % cities.length] ?? cities[0];
    return {
      id: idOf('loc', i + 1),
      name: `${place?.city ?? 'Shop'} ${pick(random, streets).split(' ')[0]}`,
      address: `${1 + Math.floor(random() * 120)} ${pick(random, streets)}, ${place?.city}`,
      timezone: place?.timezone ?? 'UTC',
    };
  });
}

function generateCustomers(random: () => number, count: number, now: number): Customer[] {
  return Array.from({ length: count }, (_, i) => {
    const first = pick(random, firstNames);
    const last = pick(random, lastNames);
    return {
      id: idOf('cus', i + 1),
      name: `${first} ${last}`,
      phone: `+351 9${Math.floor(10_000_000 + random() * 89_999_999)}`,
      email: `${emailName(first, last)}@example.com`,
      address: `${1 + Math.floor(random() * 200)} ${pick(random, streets)}`,
      notes: random() < 0.2 ? pick(random, noteLines) : '',
      tags: pickSome(random, customerTags, 0.15),
      orderCount: Math.floor(random() * 40),
      createdAt: now - Math.floor(random() * 700) * day,
    };
  });
}

function generateMachines(random: () => number, count: number, locations: Location[], now: number): Machine[] {
  const kinds: MachineKind[] = ['washer', 'washer', 'dryer', 'dryer', 'ironer', 'folder'];
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length] ?? 'washer';
    // Names are unique per tenant: Washer 1, Washer 2, … across every location.
    const sameKindBefore = (n: number) =>
      Array.from({ length: n }, (_, j) => kinds[j % kinds.length]).filter((k) => k === kind).length;
    const state: MachineState = random() < 0.5 ? 'running' : pick(random, machineStates);
    const running = state === 'running' || state === 'paused';
    const alarms: Machine['alarms'] =
      state === 'error' || random() < 0.1
        ? [
            {
              id: idOf(`alm-${i + 1}`, 1),
              ...pick(random, alarmCatalogue),
              raisedAt: now - Math.floor(random() * 90) * minute,
            },
          ]
        : [];
    const machine: Machine = {
      id: idOf('mac', i + 1),
      name: `${kind[0]?.toUpperCase()}${kind.slice(1)} ${sameKindBefore(i) + 1}`,
      kind,
      location: locations.length > 0 ? (locations[i % locations.length]?.id ?? '') : '',
      lastSeenAt: now - (random() < 0.1 ? Math.floor(random() * 60) * minute : Math.floor(random() * 30) * 1000),
      state,
      telemetry: {
        temperatureC: kind === 'washer' || kind === 'dryer' ? Math.round((20 + random() * 70) * 10) / 10 : 21,
        drumRpm: running && kind === 'washer' ? Math.floor(400 + random() * 1000) : running ? 55 : 0,
        powerKw: running ? Math.round((0.8 + random() * 4) * 100) / 100 : 0.05,
      },
      alarms,
      cycleCount: Math.floor(random() * 20_000),
    };
    if (running) {
      machine.currentCycle = {
        program: pick(random, programs[kind]),
        startedAt: now - Math.floor(random() * 50) * minute,
        durationSec: (30 + Math.floor(random() * 60)) * 60,
      };
    }
    return machine;
  });
}

function startCommands(machines: readonly Machine[]): MachineCommand[] {
  return machines.flatMap((machine) =>
    machine.currentCycle
      ? [
          {
            id: `cmd-${machine.id}-${machine.currentCycle.startedAt}`,
            machineId: machine.id,
            action: 'start' as const,
            program: machine.currentCycle.program,
            status: 'done' as const,
            requestedBy: 'demo',
            requestedAt: machine.currentCycle.startedAt - 5_000,
            completedAt: machine.currentCycle.startedAt,
            result: 'Cycle started',
          },
        ]
      : [],
  );
}

export interface OrderGeneratorOptions {
  seed: number;
  count: number;
  customers: readonly Pick<Customer, 'id' | 'name'>[];
  machines?: readonly Pick<Machine, 'id'>[];
  now?: number;
  /** the first order number */
  firstNumber?: number;
  /** the days before `now` the orders came in over, evenly (default 14): a shop's history, at its orders per day */
  days?: number;
  /** orders received longer ago than this many days have left the shop (delivered, or cancelled); default: none has */
  inShopDays?: number;
}

/** Streams orders one at a time, so benchmarks can insert in batches without holding them all. */
export function* generateOrders(options: OrderGeneratorOptions): Generator<Order> {
  const { seed, count, customers, machines = [], now = demoEpoch, firstNumber = 10_001, days = 14 } = options;
  const leftBefore = now - (options.inShopDays ?? Number.POSITIVE_INFINITY) * day;
  const random = createRandom(seed);
  const priorities: OrderPriority[] = ['normal', 'normal', 'normal', 'low', 'high', 'urgent'];
  for (let i = 0; i < count; i++) {
    const customer = customers.length > 0 ? pick(random, customers) : { id: 'cus-walk-in', name: 'Walk-in' };
    const lines = 1 + Math.floor(random() * 4);
    const orderId = idOf('ord', firstNumber + i);
    const items: OrderItem[] = [];
    for (let l = 0; l < lines; l++) {
      items.push(newOrderLine(pick(random, demoServices), 1 + Math.floor(random() * 6), orderLineId(orderId, l)));
    }
    const receivedAt = now - Math.floor(random() * days * 24 * 60) * minute;
    const drawn: OrderStatus =
      random() < 0.03 ? 'cancelled' : (orderStatusFlow[Math.floor(random() * 7) % 7] as OrderStatus);
    const status = drawn === 'cancelled' && random() < 0.5 ? 'received' : drawn;
    const order: Order = {
      id: orderId,
      number: firstNumber + i,
      customerId: customer.id,
      customerName: customer.name,
      status: receivedAt < leftBefore && status !== 'cancelled' ? 'delivered' : status,
      priority: pick(random, priorities),
      items,
      totals: storedTotals(items),
      notes: random() < 0.25 ? pick(random, noteLines) : '',
      tags: pickSome(random, orderTags, 0.12),
      labelPrints: Math.floor(random() * 3),
      receivedAt,
      dueAt: receivedAt + (1 + Math.floor(random() * 3)) * day,
    };
    if (order.status === 'delivered') order.deliveredAt = receivedAt + Math.floor(random() * 3 * 24) * hour;
    // last edited when it was delivered, else when it came in: as a device that wrote it then stamped it
    order.editedAt = orderLastTouchedAt(order);
    if (machines.length > 0 && ['washing', 'drying', 'folding'].includes(order.status)) {
      order.assignedMachineId = pick(random, machines).id;
    }
    yield order;
  }
}
