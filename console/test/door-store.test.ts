import { describe, expect, it } from 'vitest';
import type { DoorListItem } from '../src/api-types';
import {
  checkInLocally,
  emptyDoor,
  findByCode,
  forgetSentDoors,
  loadDoor,
  normaliseCode,
  saveDoor,
  searchPeople,
  settle,
  storedDoors,
  undoLocally,
  withServerList,
  type StoredDoor,
} from '../src/door-store';
import { MemoryStorage } from './memory-storage';

const zoe: DoorListItem = { registrationId: '01J0000000000000000ZOE0001', name: 'Zoë Ça Ğ', checkInCode: 'ZOE0-0001', status: 'confirmed' };
const jan: DoorListItem = { registrationId: '01J0000000000000000JAN0002', name: 'Jan de Vries', checkInCode: 'JAN0-0002', status: 'confirmed' };
const door = (items: DoorListItem[] = [zoe, jan]): StoredDoor => ({ ...emptyDoor('event-1'), items, savedAt: '2026-12-07T08:00:00.000Z' });

describe('normaliseCode', () => {
  it('accepts any case, with or without the dash or spaces', () => {
    expect(normaliseCode('ab12-cd34')).toBe('AB12-CD34');
    expect(normaliseCode('AB12CD34')).toBe('AB12-CD34');
    expect(normaliseCode(' ab12 cd34 ')).toBe('AB12-CD34');
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseCode('AB12-CD3')).toBeUndefined();
    expect(normaliseCode('https://example.org/x')).toBeUndefined();
    expect(normaliseCode('')).toBeUndefined();
  });
});

describe('checking in without a connection', () => {
  it('marks the person and queues the check-in', () => {
    const next = checkInLocally(door(), zoe.registrationId, '2026-12-07T09:02:00.000Z');

    expect(findByCode(next, 'ZOE0-0001')?.checkedInAt).toBe('2026-12-07T09:02:00.000Z');
    expect(next.pending).toEqual([{ change: 'check-in', registrationId: zoe.registrationId, at: '2026-12-07T09:02:00.000Z' }]);
  });

  it('keeps the first check-in time when checked in twice', () => {
    const once = checkInLocally(door(), zoe.registrationId, '2026-12-07T09:02:00.000Z');
    const twice = checkInLocally(once, zoe.registrationId, '2026-12-07T09:05:00.000Z');

    expect(findByCode(twice, 'ZOE0-0001')?.checkedInAt).toBe('2026-12-07T09:02:00.000Z');
  });

  it('an undo cancels a check-in not sent yet', () => {
    const checkedIn = checkInLocally(door(), zoe.registrationId, '2026-12-07T09:02:00.000Z');
    const undone = undoLocally(checkedIn, zoe.registrationId, '2026-12-07T09:03:00.000Z');

    expect(undone.pending).toEqual([]);
    expect(findByCode(undone, 'ZOE0-0001')?.checkedInAt).toBeUndefined();
  });

  it('an undo of a check-in the server has is queued itself', () => {
    const known = door([{ ...zoe, checkedInAt: '2026-12-07T09:00:00.000Z' }, jan]);
    const undone = undoLocally(known, zoe.registrationId, '2026-12-07T09:03:00.000Z');

    expect(undone.pending).toEqual([{ change: 'undo', registrationId: zoe.registrationId, at: '2026-12-07T09:03:00.000Z' }]);
  });
});

describe('sending and refreshing', () => {
  it('settling a sent check-in takes the server time and leaves the rest waiting', () => {
    let next = checkInLocally(door(), zoe.registrationId, '2026-12-07T09:02:00.000Z');
    next = checkInLocally(next, jan.registrationId, '2026-12-07T09:04:00.000Z');
    const sent = next.pending[0]!;

    const settled = settle(next, sent, { registrationId: zoe.registrationId, name: zoe.name, status: 'confirmed', checkedInAt: '2026-12-07T08:58:00.000Z' }, '2026-12-07T09:10:00.000Z');

    expect(settled.pending.map((pending) => pending.registrationId)).toEqual([jan.registrationId]);
    expect(findByCode(settled, 'ZOE0-0001')?.checkedInAt).toBe('2026-12-07T08:58:00.000Z');
  });

  it('a check-in undone here while on its way is undone at the server too', () => {
    const checkedIn = checkInLocally(door(), zoe.registrationId, '2026-12-07T09:02:00.000Z');
    const sent = checkedIn.pending[0]!;
    const undoneMeanwhile = undoLocally(checkedIn, zoe.registrationId, '2026-12-07T09:02:30.000Z');

    const settled = settle(undoneMeanwhile, sent, { registrationId: zoe.registrationId, name: zoe.name, status: 'confirmed', checkedInAt: '2026-12-07T09:02:01.000Z' }, '2026-12-07T09:03:00.000Z');

    expect(settled.pending).toEqual([{ change: 'undo', registrationId: zoe.registrationId, at: '2026-12-07T09:03:00.000Z' }]);
    expect(findByCode(settled, 'ZOE0-0001')?.checkedInAt).toBeUndefined();
  });

  it("the server's list is shown with the changes still waiting laid over it", () => {
    const waiting = checkInLocally(door(), jan.registrationId, '2026-12-07T09:04:00.000Z');
    const fromServer: DoorListItem[] = [{ ...zoe, checkedInAt: '2026-12-07T09:01:00.000Z' }, jan];

    const refreshed = withServerList(waiting, fromServer, '2026-12-07T09:05:00.000Z');

    expect(refreshed.items.map((item) => [item.name, item.checkedInAt])).toEqual([
      ['Zoë Ça Ğ', '2026-12-07T09:01:00.000Z'],
      ['Jan de Vries', '2026-12-07T09:04:00.000Z'],
    ]);
    expect(refreshed.savedAt).toBe('2026-12-07T09:05:00.000Z');
  });
});

describe('storage', () => {
  it('keeps only name, code, status, registration id and check-in time of each person', () => {
    const storage = new MemoryStorage();
    const extra = { ...zoe, email: 'zoe@example.org', dietaryNeeds: 'vegan' } as DoorListItem;

    saveDoor(storage, 'org-a', door([extra]));

    expect(Object.keys(JSON.parse(storage.getItem('console.door.org-a.event-1')!).items[0]).sort()).toEqual(['checkInCode', 'name', 'registrationId', 'status']);
    expect(loadDoor(storage, 'org-a', 'event-1').items[0]?.name).toBe('Zoë Ça Ğ');
  });

  it('a damaged entry reads as an empty list', () => {
    const storage = new MemoryStorage();
    storage.setItem('console.door.org-a.event-1', '{not json');

    expect(loadDoor(storage, 'org-a', 'event-1')).toEqual({ eventId: 'event-1', items: [], pending: [] });
  });

  it('at sign-out the names leave the device; only unsent check-ins stay, without the list', () => {
    const storage = new MemoryStorage();
    saveDoor(storage, 'org-a', { ...door(), eventId: 'sent' });
    saveDoor(storage, 'org-a', { ...checkInLocally(door(), zoe.registrationId, '2026-12-07T09:02:00.000Z'), eventId: 'waiting' });
    storage.setItem('console.language', 'en');

    forgetSentDoors(storage, 'org-a');

    expect(storedDoors(storage, 'org-a').map((stored) => [stored.eventId, stored.items.length, stored.pending.length])).toEqual([['waiting', 0, 1]]);
    expect(storage.getItem('console.language')).toBe('en');
  });

  it("shows one organisation's lists to no other account on the same device", () => {
    const storage = new MemoryStorage();
    saveDoor(storage, 'org-a', door());

    expect(storedDoors(storage, 'org-b')).toEqual([]);
    expect(loadDoor(storage, 'org-b', 'event-1').items).toEqual([]);
    expect(storedDoors(storage, 'org-a').map((stored) => stored.eventId)).toEqual(['event-1']);
  });

  it('drops the names of a list that has not come from the server for two days', () => {
    const storage = new MemoryStorage();
    saveDoor(storage, 'org-a', { ...door(), savedAt: '2026-12-07T09:00:00.000Z' });

    expect(storedDoors(storage, 'org-a', Date.parse('2026-12-09T08:59:00.000Z')).map((stored) => stored.items.length)).toEqual([door().items.length]);
    expect(storedDoors(storage, 'org-a', Date.parse('2026-12-09T09:01:00.000Z'))).toEqual([]);
    expect(storage.getItem('console.door.org-a.event-1')).toBeNull();
  });
});

describe('searchPeople', () => {
  it('finds names without accents and in any order of words', () => {
    expect(searchPeople([zoe, jan], 'zoe ca').map((person) => person.name)).toEqual(['Zoë Ça Ğ']);
    expect(searchPeople([zoe, jan], 'vries jan').map((person) => person.name)).toEqual(['Jan de Vries']);
    expect(searchPeople([zoe, jan], 'jan0-0002').map((person) => person.name)).toEqual(['Jan de Vries']);
    expect(searchPeople([zoe, jan], '  ')).toEqual([]);
  });
});
