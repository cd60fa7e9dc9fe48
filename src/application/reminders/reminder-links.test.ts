import { describe, expect, it } from 'vitest';
import { personalTabFor, reminderLinks } from './reminder-links';

const manifestId = '6f1c2a0e-3b7d-4e59-9a41-2d8c5f0b7e13';
const catalogId = 'a5d4c2b1-0e9f-4c3b-8a7d-6e5f4a3b2c1d';

describe('reminder links', () => {
  it('deep-links to the personal tab by the manifest id when the app was side-loaded', () => {
    const link = new URL(reminderLinks({ teamsAppId: manifestId }).recommendation('42'));
    expect(link.pathname).toBe(`/l/entity/${manifestId}/myrecommendations`);
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: '42' });
  });

  it("names the org catalog's id once an admin has uploaded the app, as Teams requires", () => {
    const links = reminderLinks({ teamsAppId: manifestId, catalogAppId: catalogId });
    expect(new URL(links.recommendation('42')).pathname).toBe(`/l/entity/${catalogId}/myrecommendations`);
    expect(new URL(links.myRecommendations).pathname).toBe(`/l/entity/${catalogId}/myrecommendations`);
  });

  it("opens an item in Stageview beside the conversation when the tab's address is known, the lists in the personal tab", () => {
    const links = reminderLinks({ teamsAppId: manifestId, tabEndpoint: 'https://audit.example/' });
    const link = new URL(links.recommendation('42'));
    expect(link.pathname).toBe(`/l/stage/${manifestId}/0`);
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({
      contentUrl: 'https://audit.example/index.html#/recommendations/42',
      websiteUrl: 'https://audit.example/index.html#/recommendations/42',
      name: 'Audit recommendation',
      openMode: 'popoutWithChat',
    });
    expect(new URL(links.myRecommendations).pathname).toBe(`/l/entity/${manifestId}/myrecommendations`);
  });

  it('turns a stage link into the personal tab on the same item, for Teams mobile, and leaves other links alone', () => {
    const stage = reminderLinks({ teamsAppId: manifestId, tabEndpoint: 'https://audit.example' }).recommendation('a b');
    expect(personalTabFor(stage)).toBe(reminderLinks({ teamsAppId: manifestId }).recommendation('a b'));
    expect(personalTabFor(reminderLinks({ teamsAppId: manifestId }).myRecommendations)).toBeUndefined();
    expect(personalTabFor('https://teams.microsoft.com/l/stage/x/0?context=%7Bnot json')).toBeUndefined();
  });

  it("uses the local app's own routes on the embedded default", () => {
    expect(reminderLinks({ appUrl: 'http://127.0.0.1:53000/' }).recommendation('a b')).toBe('http://127.0.0.1:53000/#/recommendations/a%20b');
  });
});
