import { defaultPaperSettings, paperSettingsSchema, type Meeting } from '../../domain';
import type { RecommendationStore } from '../ports';
import { requireCoordinator, type Actor } from '../shared/actor';

/**
 * The coordinator's own words for an item's §6 context at one meeting, kept with the meeting so the paper reads
 * the same each time it is compiled; blank text goes back to the computed context. The item's trail says so.
 */
export async function setPaperContext(
  store: RecommendationStore,
  meeting: Meeting,
  recommendationId: string,
  text: string,
  actor: Actor,
  now: Date,
): Promise<Meeting> {
  requireCoordinator(actor, "words the paper's context");
  const settings = meeting.paperSettings ?? defaultPaperSettings;
  const { [recommendationId]: _previous, ...others } = settings.contextOverrides;
  const contextOverrides = text.trim() ? { ...others, [recommendationId]: text.trim() } : others;
  const paperSettings = paperSettingsSchema.parse({ ...settings, contextOverrides });
  const { id: _id, ...rest } = meeting;
  const saved = await store.saveMeeting({ ...rest, paperSettings });
  await store.recordDecision({
    // No meetingId: a trail entry against a meeting is the panel's decision, and this is the coordinator's wording.
    recommendationId,
    kind: 'paperContextSet',
    actor: actor.email,
    at: now.toISOString(),
    detail: text.trim() ? `Context for the ${meeting.title} paper: ${text.trim()}` : `Context for the ${meeting.title} paper: back to the computed one`,
    idempotencyKey: `${recommendationId}:${saved.id}:context:${now.toISOString()}`,
  });
  return saved;
}
