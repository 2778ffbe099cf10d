// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addToOutbox,
  outboxKey,
  readOutbox,
  removeEntry,
  requeue,
  subscribeOutbox,
  updateEntry,
} from './outbox-store.ts';

afterEach(() => window.localStorage.clear());

const visit = (household: string) => ({
  date: '2019-06-03',
  badge: '0100002',
  area_code: '510101002001',
  household_ref: household,
});

describe('outbox store', () => {
  it('keeps each account’s records apart: one never reads or removes the other’s', () => {
    const a = addToOutbox('li.wei', 'visits', visit('H1'));
    addToOutbox('wang.fang', 'visits', visit('H2'));
    expect(readOutbox('li.wei').map((e) => e.row.household_ref)).toEqual(['H1']);
    expect(readOutbox('wang.fang').map((e) => e.row.household_ref)).toEqual(['H2']);
    removeEntry('wang.fang', a.id);
    expect(readOutbox('li.wei')).toHaveLength(1);
    expect(readOutbox('nobody')).toEqual([]);
    // A name cannot reach into another's key.
    expect(outboxKey('a:b')).not.toBe(outboxKey('a'));
  });

  it('stores the kind, the row and when it was entered, and keeps the order of entry', () => {
    addToOutbox('li.wei', 'visits', visit('H1'), new Date('2019-06-03T08:00:00Z'));
    addToOutbox('li.wei', 'incidents', { ref: 'X-1', date: '2019-06-03' }, new Date('2019-06-03T09:00:00Z'));
    addToOutbox('li.wei', 'visits', visit('H3'), new Date('2019-06-03T10:00:00Z'));
    const entries = readOutbox('li.wei');
    expect(entries.map((e) => [e.kind, e.enteredAt, e.state])).toEqual([
      ['visits', '2019-06-03T08:00:00.000Z', 'waiting'],
      ['incidents', '2019-06-03T09:00:00.000Z', 'waiting'],
      ['visits', '2019-06-03T10:00:00.000Z', 'waiting'],
    ]);
    expect(entries[0].row).toEqual(visit('H1'));
    // It is all in localStorage: a reload reads the same.
    expect(JSON.parse(window.localStorage.getItem(outboxKey('li.wei'))!)).toHaveLength(3);
  });

  it('marks an entry rejected in its place, and a corrected one goes back to the end of the queue as waiting', () => {
    const first = addToOutbox('li.wei', 'visits', visit('H1'));
    addToOutbox('li.wei', 'visits', visit('H2'));
    updateEntry('li.wei', first.id, (e) => ({
      ...e,
      state: 'rejected',
      problems: [{ column: 'area_code', reason: 'no area 1 exists' }],
    }));
    expect(readOutbox('li.wei').map((e) => e.state)).toEqual(['rejected', 'waiting']);
    requeue('li.wei', readOutbox('li.wei')[0], visit('H1b'));
    const [second, corrected] = readOutbox('li.wei');
    expect(second.row.household_ref).toBe('H2');
    expect(corrected).toMatchObject({ id: first.id, state: 'waiting', enteredAt: first.enteredAt });
    expect(corrected.row.household_ref).toBe('H1b');
    expect(corrected.problems).toBeUndefined();
  });

  it('removes an entry only while its row is the one sent, when asked so', () => {
    const entry = addToOutbox('li.wei', 'visits', visit('H1'));
    requeue('li.wei', entry, visit('H1-corrected'));
    removeEntry('li.wei', entry.id, visit('H1'));
    expect(readOutbox('li.wei')).toHaveLength(1);
    removeEntry('li.wei', entry.id, visit('H1-corrected'));
    expect(readOutbox('li.wei')).toEqual([]);
    expect(window.localStorage.getItem(outboxKey('li.wei'))).toBeNull();
  });

  it('tells subscribers of every change, and answers the same array until one', () => {
    const listener = vi.fn();
    const stop = subscribeOutbox(listener);
    const before = readOutbox('li.wei');
    expect(readOutbox('li.wei')).toBe(before);
    addToOutbox('li.wei', 'visits', visit('H1'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(readOutbox('li.wei')).not.toBe(before);
    window.dispatchEvent(new StorageEvent('storage', { key: outboxKey('li.wei') }));
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    addToOutbox('li.wei', 'visits', visit('H2'));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('sets unreadable storage aside instead of writing over it', () => {
    window.localStorage.setItem(outboxKey('li.wei'), '{not json');
    expect(readOutbox('li.wei')).toEqual([]);
    const aside = Object.keys(window.localStorage).filter((k) => k.startsWith(`${outboxKey('li.wei')}.unreadable.`));
    expect(aside).toHaveLength(1);
    expect(window.localStorage.getItem(aside[0])).toBe('{not json');
  });

  it('throws when the browser refuses to store, so the form can say so', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      expect(() => addToOutbox('li.wei', 'visits', visit('H1'))).toThrow('full');
    } finally {
      setItem.mockRestore();
    }
    expect(readOutbox('li.wei')).toEqual([]);
  });
});
