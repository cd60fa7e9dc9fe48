import { Select, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { HostState } from './use-teams-host';

export const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;
export type ThemeName = keyof typeof themes;
const labels: Record<ThemeName, string> = { default: 'Light', dark: 'Dark', contrast: 'High contrast' };
const storageKey = 'auditTracker.theme';

export const isThemeName = (value: unknown): value is ThemeName => typeof value === 'string' && value in themes;

/** Teams names its themes default, dark and contrast; outside Teams the user picks and it is remembered. */
export function useThemeChoice(): [{ name: ThemeName; theme: Theme }, (name: ThemeName) => void] {
  const [name, setName] = useState<ThemeName>(() => {
    const stored = localStorage.getItem(storageKey);
    if (isThemeName(stored)) return stored;
    return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
  });
  const choose = (next: ThemeName): void => {
    localStorage.setItem(storageKey, next);
    setName(next);
  };
  return [{ name, theme: themes[name] }, choose];
}

export function ThemeSwitcher({ choice, onChange }: { choice: ThemeName; onChange: (name: ThemeName) => void }) {
  return (
    <Select aria-label="Theme" value={choice} onChange={(_, data) => isThemeName(data.value) && onChange(data.value)}>
      {(Object.keys(themes) as ThemeName[]).map((name) => (
        <option key={name} value={name}>
          {labels[name]}
        </option>
      ))}
    </Select>
  );
}

/** Inside Teams the tab wears the host's theme and offers no picker; elsewhere the user's choice and the picker. */
export function useTabTheme(host: HostState): { theme: Theme; picker: ReactNode } {
  const [choice, setChoice] = useThemeChoice();
  if (host.status === 'connected') return { theme: themes[host.theme], picker: undefined };
  return { theme: choice.theme, picker: <ThemeSwitcher choice={choice.name} onChange={setChoice} /> };
}
