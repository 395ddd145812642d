// Settings: theme (light, dark, or the system's), density and the format of numbers and dates, kept on this device and
// applied before first paint; the critical-alarm tone (off by default); and, when the previous app left its customers
// on this device, how their import went.
import { useImportReport } from '@syncline/data';
import {
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  Label,
  RadioGroup,
  RadioGroupItem,
  Switch,
  type ThemeChoice,
  useThemeChoice,
} from '@syncline/ui';
import { useMemo } from 'react';
import { EnumField } from '../components/enum-field';
import { LegacyImportCard } from '../components/legacy-import-card';
import { setAlarmSound, useAlarmSound, useReducedMotion } from '../lib/alarm-sound-setting';
import { playAlarmTone } from '../lib/alarm-tone';
import { formatCents, formatDateTime } from '../lib/format';
import { LEGACY_CUSTOMERS_IMPORT, legacyCustomersHere } from '../lib/legacy-customers';
import { type Density, densityChoices, formatChoices, setDensity, setFormat, usePreferences } from '../lib/preferences';
import { useSession } from '../runtime/session-context';
import { PageHeader } from './page-header';

const themeChoices: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function Notifications() {
  const enabled = useAlarmSound();
  const reducedMotion = useReducedMotion();
  return (
    <Card className="md:col-span-2">
      <CardHeader>
        <CardTitle>Notifications</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2">
        <div className="flex items-center justify-between gap-4">
          <Label htmlFor="alarm-sound">Play a sound for critical alarms</Label>
          <Switch
            id="alarm-sound"
            checked={enabled}
            aria-describedby="alarm-sound-hint"
            onCheckedChange={(on) => {
              setAlarmSound(on);
              // a sample as it is switched on (which also lets the browser play it later)
              if (on && !reducedMotion) playAlarmTone();
            }}
          />
        </div>
        <p id="alarm-sound-hint" className="text-foreground-muted text-sm">
          {reducedMotion
            ? 'Your system asks for reduced motion, so no sound plays while it does.'
            : 'A short tone on this device when a new critical alarm is raised.'}
        </p>
      </CardContent>
    </Card>
  );
}

function LegacyCustomers() {
  const { tenant } = useSession().session;
  const here = useMemo(() => legacyCustomersHere(tenant), [tenant]);
  const { report } = useImportReport(LEGACY_CUSTOMERS_IMPORT);
  return <LegacyImportCard className="mt-6" here={here} report={report} />;
}

/** A card holding one choice among a few, as radio buttons named by the card's title. */
function ChoiceCard<V extends string>({
  id,
  title,
  choices,
  value,
  onChange,
}: {
  id: string;
  title: string;
  choices: ReadonlyArray<{ value: V; label: string; hint?: string }>;
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle id={`${id}-title`}>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <RadioGroup aria-labelledby={`${id}-title`} value={value} onValueChange={(next) => onChange(next as V)}>
          {choices.map((choice) => (
            <div key={choice.value} className="flex items-center gap-2">
              <RadioGroupItem id={`${id}-${choice.value}`} value={choice.value} />
              <Label htmlFor={`${id}-${choice.value}`}>{choice.label}</Label>
              {choice.hint ? <span className="text-foreground-muted text-xs">{choice.hint}</span> : null}
            </div>
          ))}
        </RadioGroup>
      </CardContent>
    </Card>
  );
}

const formatLabels = Object.fromEntries(formatChoices.map((choice) => [choice.value, choice.label]));

export function SettingsPage() {
  const [theme, setTheme] = useThemeChoice();
  const { density, format } = usePreferences();
  return (
    <>
      <PageHeader title="Settings" description="Preferences of this device." />
      <div className="grid max-w-3xl gap-6 md:grid-cols-2">
        <ChoiceCard id="theme" title="Theme" choices={themeChoices} value={theme} onChange={setTheme} />
        <ChoiceCard<Density>
          id="density"
          title="Density"
          choices={densityChoices}
          value={density}
          onChange={setDensity}
        />
        <Card className="md:col-span-2">
          <CardHeader>
            <CardTitle>Numbers and dates</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            <EnumField
              label="Format"
              values={formatChoices.map((choice) => choice.value)}
              labels={formatLabels}
              value={format}
              onChange={setFormat}
            />
            <p className="text-foreground-muted text-sm" aria-live="polite">
              Looks like: {formatCents(123450)} · {formatDateTime(Date.UTC(2026, 11, 24, 15, 30))}
            </p>
          </CardContent>
        </Card>
        <Notifications />
      </div>
      <LegacyCustomers />
    </>
  );
}
