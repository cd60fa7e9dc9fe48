import { describe, expect, it } from 'vitest';
import { bareName, splitOwnerNames } from './owner-names';
import { parseOwners } from './register-import';

describe('owner names as registers write them', () => {
  it('keeps a rank with a slash, an abbreviated post and a title after a dash as part of one person', () => {
    expect(splitOwnerNames('D/Supt Morgan Hale')).toEqual(['D/Supt Morgan Hale']);
    expect(splitOwnerNames('T/Det Supt Ray Dunn; C/Insp Mo Clarke')).toEqual(['T/Det Supt Ray Dunn', 'C/Insp Mo Clarke']);
    expect(splitOwnerNames('Sam Lee – Head of Fleet and Transport')).toEqual(['Sam Lee – Head of Fleet and Transport']);
    expect(splitOwnerNames('ACO Jo Price & Dana Reid / Sam Holt')).toEqual(['ACO Jo Price', 'Dana Reid', 'Sam Holt']);
    expect(['D/Supt Morgan Hale', 'ACO Jo Price', 'Sam Lee – Head of Fleet', 'Dr Kim', 'Dana Reid (Security Vetting Manager)'].map(bareName)).toEqual([
      'Morgan Hale',
      'Jo Price',
      'Sam Lee',
      'Kim',
      'Dana Reid',
    ]);
  });

  it('pairs each email with the name it spells when some are missing, keeping the order and flagging the rest', () => {
    const { owners, findings } = parseOwners('C/Insp Mo Clarke; D/Supt Morgan Hale; Sam Holt', 'morgan.hale@northmere.example; sholt@northmere.example');
    expect(owners).toEqual([
      { email: 'morgan.hale@northmere.example', name: 'D/Supt Morgan Hale' },
      { email: 'sholt@northmere.example', name: 'Sam Holt' },
    ]);
    expect(findings).toEqual([expect.objectContaining({ message: expect.stringContaining('No email for C/Insp Mo Clarke') })]);
  });
});
