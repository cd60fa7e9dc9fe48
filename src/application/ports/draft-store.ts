/** A form's work in progress, kept on this device until it is submitted. */
export interface DraftStore<T> {
  load(key: string): T | undefined;
  save(key: string, draft: T): void;
  clear(key: string): void;
}
