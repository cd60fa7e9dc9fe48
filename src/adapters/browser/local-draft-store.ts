import type { z } from 'zod';
import type { DraftStore } from '../../application/ports';

/**
 * Drafts in the browser's localStorage: they survive a reload, a closed tab or a crash. What is read back is
 * checked against the schema; an unreadable draft is set aside under another key rather than thrown away.
 */
export class LocalDraftStore<T> implements DraftStore<T> {
  constructor(
    private readonly schema: z.ZodType<T>,
    private readonly storage: Storage = localStorage,
  ) {}

  load(key: string): T | undefined {
    const raw = this.storage.getItem(key);
    if (raw === null) return undefined;
    try {
      const parsed = this.schema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: keep the unreadable text for support rather than lose it
    }
    this.storage.setItem(`${key}.unreadable`, raw);
    this.storage.removeItem(key);
    return undefined;
  }

  save(key: string, draft: T): void {
    try {
      this.storage.setItem(key, JSON.stringify(draft));
    } catch (error) {
      throw new Error(`Your draft could not be saved on this device (${error instanceof Error ? error.message : 'storage full'})`);
    }
  }

  clear(key: string): void {
    this.storage.removeItem(key);
  }
}
