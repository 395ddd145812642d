// The demo tenants: which shops the control center signs in and seeds on a first run, and how big each is.
// Its own module so the launcher and the seeder both import it, and neither imports the other.

export interface DemoTenant {
  tenant: string;
  tenantName: string;
  /** the owner */
  user: string;
  /** one person per role besides the owner (default: none) */
  team?: { user: string; role: string }[];
  seed: number;
  orders: number;
  machines: number;
  customers: number;
  /** The "present" the demo data is generated around (default: the moment of seeding). */
  now?: number;
}

export const demoTenants: DemoTenant[] = [
  {
    tenant: 'northwind-laundry',
    tenantName: 'Northwind Laundry',
    user: 'ana',
    team: [
      { user: 'ben', role: 'manager' },
      { user: 'carla', role: 'operator' },
      { user: 'dev', role: 'viewer' },
    ],
    seed: 7,
    orders: 3_000,
    machines: 24,
    customers: 400,
  },
  {
    tenant: 'harbor-linen',
    tenantName: 'Harbor Linen Services',
    user: 'marco',
    team: [
      { user: 'nadia', role: 'manager' },
      { user: 'omar', role: 'operator' },
      { user: 'pia', role: 'viewer' },
    ],
    seed: 11,
    orders: 2_000,
    machines: 36,
    customers: 250,
  },
];

/** Everyone who can sign in to a demo tenant, the owner first. */
export function peopleOf(tenant: DemoTenant): { user: string; role: string }[] {
  return [{ user: tenant.user, role: 'owner' }, ...(tenant.team ?? [])];
}
