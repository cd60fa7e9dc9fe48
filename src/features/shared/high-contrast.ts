import { createContext, useContext } from 'react';

/**
 * Whether the tab wears a high-contrast theme. Its palette makes every status colour the same white, so what
 * tells things apart by colour alone (a chart's segments) needs the theme's few distinct colours instead.
 */
export const HighContrastContext = createContext(false);

export const useHighContrast = (): boolean => useContext(HighContrastContext);
