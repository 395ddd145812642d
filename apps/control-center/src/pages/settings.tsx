// Settings: theme (light, dark, or the system's), kept on this device and applied before first paint; the
// critical-alarm tone (off by default); and, when the previous app left its customers on this device, how their
// import into this shop went.
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
import { LegacyImportCard } from '../components/legacy-import-card';
import { setAlarmSound, useAlarmSound, useReducedMotion } from '../lib/alarm-sound-setting';
import { playAlarmTone } from '../lib/alarm-tone';
import { LEGACY_CUSTOMERS_IMPORT, legacyCustomersHere } from '../lib/legacy-customers';
import { useSession } from '../runtime/session-context';
import { PageHeader } from './page-header';

const choices: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function Notifications() {
  const enabled = useAlarmSound();
  const reducedMotion = useReducedMotion();
  return (
    <Card className="mt-6 max-w-md">
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

export function SettingsPage() {
  const [theme, setTheme] = useThemeChoice();
  return (
    <>
      <PageHeader title="Settings" description="Preferences of this device." />
      <Card className="max-w-md">
        <CardHeader>
          <CardTitle id="theme-title">Theme</CardTitle>
        </CardHeader>
        <CardContent>
          <RadioGroup
            aria-labelledby="theme-title"
            value={theme}
            onValueChange={(value) => setTheme(value as ThemeChoice)}
          >
            {choices.map((choice) => (
              <div key={choice.value} className="flex items-center gap-2">
                <RadioGroupItem id={`theme-${choice.value}`} value={choice.value} />
                <Label htmlFor={`theme-${choice.value}`}>{choice.label}</Label>
              </div>
            ))}
          </RadioGroup>
        </CardContent>
      </Card>
      <Notifications />
      <LegacyCustomers />
    </>
  );
}
