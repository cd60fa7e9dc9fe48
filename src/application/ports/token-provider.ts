/** What a token is for: Microsoft Graph, or SharePoint's own REST API. */
export type TokenResource = 'graph' | 'sharepoint';

/** A bearer token for Graph (or SharePoint REST, by resource). */
export interface TokenProvider {
  getToken(resource?: TokenResource): Promise<string>;
}
