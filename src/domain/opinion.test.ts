import { describe, expect, it } from 'vitest';
import { parseOpinion } from './opinion';

describe('parseOpinion', () => {
  it.each([
    ['SATISFACTORY ASSURANCE', 'Satisfactory'],
    ['LIMITED ASSURANCE', 'Limited'],
    ['SUBSTANTIAL ASSURANCE', 'Substantial'],
    ['SUBSTANTIAL OPINION', 'Substantial'],
    ['MODERATE OPINION', 'Moderate'],
    ['Limited Opinion', 'Limited'],
    ['No Assurance', 'No'],
    ['UNSATISFACTORY ASSURANCE', 'No'],
  ])('keeps %j and reads it as %s', (written, level) => {
    expect(parseOpinion(` ${written} `)).toEqual({ asWritten: written, level });
  });

  it('leaves the level unset for unknown wording', () => {
    expect(parseOpinion('Advisory review')).toEqual({ asWritten: 'Advisory review', level: undefined });
  });
});
