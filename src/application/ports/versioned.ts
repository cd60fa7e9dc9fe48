/** A record with the version it was read at, so a save can be refused if someone changed it meanwhile. */
export interface Versioned<T> {
  value: T;
  etag: string;
}
