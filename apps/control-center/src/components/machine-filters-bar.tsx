// The machines page's filter bar: site, type and state to narrow the floor, and what to group it by. Each choice is
// one select; the page keeps the choices in the address.
import { machineKinds } from '@syncline/domain';
import { FormField, Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@syncline/ui';
import { machineStateLabel } from '@syncline/ui/machine';
import { type MachineFilters, shownStates } from '../lib/machine-filters';
import { machineKindLabel } from '../lib/machine-view';

const groupingLabel = { none: 'Nothing', site: 'Site', type: 'Type', state: 'State' } as const;

function FilterSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (value: T) => void;
}) {
  return (
    <Select value={value} onValueChange={(next) => onChange(next as T)}>
      <FormField label={label} className="min-w-36">
        <SelectTrigger size="sm">
          <SelectValue />
        </SelectTrigger>
      </FormField>
      <SelectContent>
        {options.map(([option, text]) => (
          <SelectItem key={option} value={option}>
            {text}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

export function MachineFiltersBar({
  filters,
  sites,
  onChange,
}: {
  filters: MachineFilters;
  /** location id and name, for the machines on this device */
  sites: ReadonlyArray<readonly [string, string]>;
  onChange: (filters: MachineFilters) => void;
}) {
  const set =
    <K extends keyof MachineFilters>(key: K) =>
    (value: MachineFilters[K]) =>
      onChange({ ...filters, [key]: value });
  return (
    <fieldset className="mb-4 flex flex-wrap items-end gap-3">
      <legend className="sr-only">Filter machines</legend>
      <FilterSelect
        label="Site"
        value={filters.site}
        options={[['all', 'All sites'], ...sites]}
        onChange={set('site')}
      />
      <FilterSelect
        label="Type"
        value={filters.type}
        options={[['all', 'All types'], ...machineKinds.map((kind) => [kind, `${machineKindLabel(kind)}s`] as const)]}
        onChange={set('type')}
      />
      <FilterSelect
        label="State"
        value={filters.state}
        options={[['all', 'All states'], ...shownStates.map((state) => [state, machineStateLabel[state]] as const)]}
        onChange={set('state')}
      />
      <FilterSelect
        label="Group by"
        value={filters.group}
        options={Object.entries(groupingLabel) as Array<[MachineFilters['group'], string]>}
        onChange={set('group')}
      />
    </fieldset>
  );
}
