import { z } from 'zod';
import { reminderDeliveries, type ReminderDelivery, type ReminderPreferences } from '../../application/ports';
import type { Person } from '../../domain';
import { UniqueValueError } from './gateway/errors';
import type { ListGateway } from './list-gateway';

const deliverySchema = z.enum(reminderDeliveries as [ReminderDelivery, ...ReminderDelivery[]]);

/**
 * People's reminder choices in their list. A choice counts only when SharePoint's author of the item is the
 * person it names: the list lets everyone add, so a choice written for someone else is ignored.
 */
export class GraphReminderPreferences implements ReminderPreferences {
  constructor(private readonly gateway: ListGateway) {}

  private async items() {
    const items = await this.gateway.query('preferences', { select: ['PersonEmail', 'Delivery'] });
    return items.filter((i) => typeof i.fields.PersonEmail === 'string' && i.createdBy?.email.toLowerCase() === i.fields.PersonEmail.toLowerCase());
  }

  async all(): Promise<Map<string, ReminderDelivery>> {
    const chosen = new Map<string, ReminderDelivery>();
    for (const item of await this.items()) {
      const delivery = deliverySchema.safeParse(item.fields.Delivery);
      // An empty choice is "follow the audit team's default".
      if (delivery.success) chosen.set(String(item.fields.PersonEmail).toLowerCase(), delivery.data);
    }
    return chosen;
  }

  async set(person: Person, delivery: ReminderDelivery | undefined): Promise<void> {
    const email = person.email.toLowerCase();
    const mine = (await this.items()).find((i) => String(i.fields.PersonEmail).toLowerCase() === email);
    if (mine) return this.gateway.update('preferences', mine.id, { Delivery: delivery ?? null }, mine.etag);
    try {
      await this.gateway.create('preferences', { Title: email, PersonEmail: email, Delivery: delivery ?? null });
    } catch (error) {
      // Someone else took this person's key first: their item never counts, and the person's own needs the key.
      if (error instanceof UniqueValueError) throw new Error(`A reminder choice for ${email} was written by someone else; ask the audit team to remove it`);
      throw error;
    }
  }
}
