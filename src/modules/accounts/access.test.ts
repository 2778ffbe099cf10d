import { describe, expect, it } from 'vitest';
import { treeOf } from '../areas/area-tree.ts';
import { hasAccess, requireAccess, type AccessPermission } from './access.ts';
import type { Scope } from './scope.ts';

// P > C1 > K1 > T1, P > C1 > K2, P > C2
const tree = treeOf([
  { code: 'P', name: 'P', level: 'province', parent_code: null },
  { code: 'C1', name: 'C1', level: 'city', parent_code: 'P' },
  { code: 'C2', name: 'C2', level: 'city', parent_code: 'P' },
  { code: 'K1', name: 'K1', level: 'county', parent_code: 'C1' },
  { code: 'K2', name: 'K2', level: 'county', parent_code: 'C1' },
  { code: 'T1', name: 'T1', level: 'township', parent_code: 'K1' },
]);
const areas = { tree: async () => tree };
const manager: Scope = { area: 'K1', unit: null, badge: null };

const reaches = (permission: AccessPermission) =>
  ['P', 'C1', 'C2', 'K1', 'K2', 'T1'].filter((code) => hasAccess(tree, manager, permission, code));

describe('requireAccess', () => {
  it('lets a county manager see figures of its subtree and of the counties ranked beside it', () => {
    expect(reaches('area.figures')).toEqual(['K1', 'K2', 'T1']);
  });

  it('lets it see the rankings within its subtree and within its parent, where it stands', () => {
    expect(reaches('area.ranking')).toEqual(['C1', 'K1', 'T1']);
  });

  it('keeps records to its own subtree', () => {
    expect(reaches('area.records')).toEqual(['K1', 'T1']);
  });

  it('refuses outside as not found, and lets a province-wide account anywhere', async () => {
    const hidden = { code: 'area_not_found', category: 'not_found' };
    await expect(requireAccess(areas, manager, 'area.records', 'K2')).rejects.toMatchObject(hidden);
    await expect(requireAccess(areas, manager, 'area.figures', 'C2')).rejects.toMatchObject(hidden);
    await expect(requireAccess(areas, manager, 'area.ranking', 'C1')).resolves.toBeUndefined();
    await expect(requireAccess(areas, null, 'area.records', 'C2')).resolves.toBeUndefined();
  });
});
