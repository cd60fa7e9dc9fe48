import { describe, expect, it } from 'vitest';
import { safeMarkdown } from './safe-markdown';

describe('safe markdown for cards', () => {
  it('turns links and mentions into markup', () => {
    expect(safeMarkdown('<at>Dana</at>: [4.1 Logs](http://127.0.0.1:53000/#/recommendations/7) due')).toBe(
      '<strong>@Dana</strong>: <a href="http://127.0.0.1:53000/#/recommendations/7" target="_blank" rel="noreferrer noopener">4.1 Logs</a> due',
    );
  });
  it('renders hostile text inert', () => {
    expect(safeMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1)) "q"')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) &quot;q&quot;',
    );
    expect(safeMarkdown('[x](https://a.example/"onmouseover="alert(1))')).not.toContain('"onmouseover');
  });
});
