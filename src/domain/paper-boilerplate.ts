import { z } from 'zod';

/** The organisation's wording around the computed tables, kept with each meeting so old papers reprint as sent. */
const defaultGrading =
  'The auditor grades each recommendation as HIGH PRIORITY, MEDIUM PRIORITY or LOW PRIORITY by the risk it addresses, and reports on risk management, value for money and sector comparison.';

export const paperBoilerplateSchema = z.object({
  /** The organisation's name, in the footer of every page; boilerplate kept before it existed has none. */
  organisation: z.string().default(''),
  reportOf: z.string(),
  subject: z.string(),
  author: z.string(),
  background: z.string(),
  purpose: z.string(),
  /** Paragraph 3: how the auditor grades recommendations. */
  grading: z.string().default(defaultGrading),
  smartTargets: z.string(),
  recommendation: z.string(),
  implications: z.object({ financial: z.string(), legal: z.string(), equality: z.string(), risks: z.string(), plan: z.string() }),
  backgroundPapers: z.string(),
  contacts: z.string(),
});
export type PaperBoilerplate = z.infer<typeof paperBoilerplateSchema>;

export const defaultBoilerplate: PaperBoilerplate = {
  organisation: '',
  grading: defaultGrading,
  reportOf: 'Chief Finance Officer',
  subject: 'Internal audit recommendations: progress update',
  author: 'Audit and Inspection Team',
  background:
    'The internal auditor delivers an annual programme of audits agreed with the organisation. Each audit makes recommendations with an owner and a target date.',
  purpose: 'This report gives the panel the progress updates from business owners on the recommendations made by the internal auditor.',
  smartTargets:
    'Business leads are encouraged to set SMART and achievable target dates. The table above shows where circumstances beyond the lead\u2019s control have moved them.',
  recommendation: 'The panel is asked to note the updates at Appendix A and, where sufficiently evidenced, to agree the recommendations proposed closed.',
  implications: {
    financial: 'None',
    legal: 'None',
    equality: 'None',
    risks: 'Risk to the efficiency and effectiveness of business functions where agreed recommendations are not implemented in a timely manner.',
    plan: 'Transparency and accountability for business functions.',
  },
  backgroundPapers: 'None',
  contacts: 'Audit and Inspection Team',
};
