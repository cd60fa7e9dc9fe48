import { auditHeading, monthYearLabel, isoDate, type Audit, type Meeting } from '../../domain';
import type { AuditTrail, RecommendationWriter, Versioned } from '../ports';
import { requireCoordinator, type Actor } from '../shared/actor';

/**
 * The trail is kept per recommendation; an audit or a meeting is recorded under its own subject key, so its
 * entries never mix with an item's.
 */
export const auditSubject = (id: string): string => `audit:${id}`;
export const meetingSubject = (id: string): string => `meeting:${id}`;

/** The coordinator records an audit report (or replaces the one with the same title and month), with a trail entry. */
export async function recordAudit(store: RecommendationWriter & AuditTrail, audit: Omit<Audit, 'id'>, actor: Actor, now: Date): Promise<Versioned<Audit>> {
  requireCoordinator(actor, 'records audits');
  const saved = await store.upsertAudit(audit);
  await store.recordDecision({
    recommendationId: auditSubject(saved.value.id),
    kind: 'auditRecorded',
    actor: actor.email,
    at: now.toISOString(),
    detail: `${auditHeading(saved.value)}, ${monthYearLabel(isoDate(saved.value.issuedYear, saved.value.issuedMonth, 1))}: ${saved.value.opinion.asWritten || 'no opinion given'}; auditor ${saved.value.auditor}`,
    idempotencyKey: `${auditSubject(saved.value.id)}:${saved.etag}`,
  });
  return saved;
}

/** The coordinator sets up a panel meeting (or replaces the one for its cycle), with a trail entry. */
export async function scheduleMeeting(store: RecommendationWriter & AuditTrail, meeting: Omit<Meeting, 'id'>, actor: Actor, now: Date): Promise<Meeting> {
  requireCoordinator(actor, 'sets up panel meetings');
  const saved = await store.saveMeeting(meeting);
  await store.recordDecision({
    recommendationId: meetingSubject(saved.id),
    meetingId: saved.id,
    kind: 'meetingScheduled',
    actor: actor.email,
    at: now.toISOString(),
    detail: `${saved.title} on ${saved.date}; updates due by ${saved.updateDeadline} (${saved.cycle})`,
    idempotencyKey: `${meetingSubject(saved.id)}:${now.toISOString()}`,
  });
  return saved;
}
