import { useEffect, useState } from 'react';

/** Teams mobile and a narrow side panel: below this width, tables are laid out as cards. */
export const narrowQuery = '(max-width: 640px)';

/** Whether the tab is narrow now; follows the window as it is resized or the phone turned. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(
    () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(narrowQuery).matches,
  );
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(narrowQuery);
    const onChange = (): void => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}
