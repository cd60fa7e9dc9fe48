import { z } from 'zod';
import { isoDateSchema } from './calendar';
import { statuses } from './lifecycle';
import { personSchema, sameEmail } from './people';
import { prioritySchema } from './priority';
import { normaliseReference } from './reference';
import { targetDateSchema } from './target-date';
import { targetHistorySchema } from './target-history';

/** A sub-part (a, b, ...) of a recommendation, with its own owner and date. */
export const subPartSchema = z.object({
  label: z.string().trim().min(1),
  text: z.string(),
  owners: z.array(personSchema),
  target: targetDateSchema,
});
export type SubPart = z.infer<typeof subPartSchema>;

export const recommendationSchema = z
  .object({
    id: z.string().min(1),
    auditId: z.string().min(1),
    reference: z.string().trim().min(1, 'A reference is required'),
    referenceKey: z.string().min(1),
    title: z.string().trim().min(1, 'A short title is required'),
    priority: prioritySchema,
    text: z.string(),
    managementResponse: z.string(),
    /** Empty only for an imported row still waiting for the coordinator to assign an owner. */
    owners: z.array(personSchema),
    subParts: z.array(subPartSchema),
    repeatOf: z.string().optional(),
    targets: targetHistorySchema,
    status: z.enum(statuses),
    /** E.g. "subject to approval of the procedure at the next staff committee". */
    closureCondition: z.string().optional(),
    statusReason: z.string().optional(),
    updatedOn: isoDateSchema.optional(),
  })
  .refine((r) => r.referenceKey === normaliseReference(r.reference), {
    message: 'The reference key does not match the reference',
    path: ['referenceKey'],
  });
export type Recommendation = z.infer<typeof recommendationSchema>;

export const isOwnedBy = (recommendation: Pick<Recommendation, 'owners'>, email: string): boolean =>
  recommendation.owners.some((owner) => sameEmail(owner.email, email));
