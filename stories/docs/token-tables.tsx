// The token reference rendered from @syncline/tokens itself: colour swatches with their WCAG contrast ratios
// in both themes, the type scale, spacing, radii, shadows and motion. Nothing here is typed twice.
import { type TokenName, tokenNames, tokens } from '@syncline/tokens';
import { contrastRatio } from '@syncline/tokens/contrast';

const themes = ['light', 'dark'] as const;
const named = (prefix: string) => tokenNames.filter((name) => name.startsWith(prefix)) as TokenName[];
const value = (theme: 'light' | 'dark', name: string) => (tokens[theme] as Record<string, string>)[name] ?? '';

function ratio(theme: 'light' | 'dark', color: string, on: string) {
  try {
    return contrastRatio(value(theme, color), value(theme, on)).toFixed(2);
  } catch {
    return '—';
  }
}

export function ColorTokens({ group }: { group: string }) {
  const names = named(`color-${group}`);
  return (
    <table className="w-full text-sm">
      <thead>
        <tr>
          <th className="text-left">Token</th>
          {themes.map((theme) => (
            <th key={theme} className="text-left">
              {theme} (vs background / surface)
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name}>
            <td className="font-mono">{name.replace('color-', '')}</td>
            {themes.map((theme) => (
              <td key={theme}>
                <span className="inline-flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="inline-block size-5 rounded border border-border"
                    style={{ background: value(theme, name) }}
                  />
                  <code>{value(theme, name)}</code>
                  <span>
                    {ratio(theme, name, 'color-background')} / {ratio(theme, name, 'color-surface')}
                  </span>
                </span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TypeScale() {
  return (
    <div className="flex flex-col gap-2">
      {named('text-').map((name) => (
        <p key={name} style={{ fontSize: `var(--sl-${name})`, lineHeight: `var(--sl-leading-${name.slice(5)})` }}>
          <code className="text-xs">{name}</code> {value('light', name)}: Orders sync when the network returns
        </p>
      ))}
      {named('font-').map((name) => (
        <p key={name} style={{ fontFamily: `var(--sl-${name})` }}>
          <code className="text-xs">{name}</code> The quick brown fox, 0123456789
        </p>
      ))}
    </div>
  );
}

export function SizeTokens({ prefix, kind }: { prefix: string; kind: 'space' | 'radius' | 'shadow' | 'motion' }) {
  return (
    <ul className="flex flex-wrap gap-4">
      {named(prefix).map((name) => (
        <li key={name} className="flex flex-col items-center gap-1 text-xs">
          {kind === 'space' ? <span className="block h-3 bg-primary" style={{ width: `var(--sl-${name})` }} /> : null}
          {kind === 'radius' ? (
            <span className="block size-12 border-2 border-primary" style={{ borderRadius: `var(--sl-${name})` }} />
          ) : null}
          {kind === 'shadow' ? (
            <span className="block size-12 rounded-md bg-surface" style={{ boxShadow: `var(--sl-${name})` }} />
          ) : null}
          <code>{name}</code>
          <span>{value('light', name)}</span>
        </li>
      ))}
    </ul>
  );
}
