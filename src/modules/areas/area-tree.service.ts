/**
 * The area tree of the database, loaded once per data version and shared by every module that
 * asks what contains what (assessment, access, notifications, summaries, the registry pages).
 *
 * @example
 *   const areas = new AreaTreeService(new DataVersionCache(db));
 *   const jilin = await areas.area('220000000000'); // or a not_found AppError
 */
import { AppError } from '../../shared/errors.ts';
import type { DataVersionCache } from '../../db/data-version.ts';
import { treeOf, type AreaInfo, type Tree } from './area-tree.ts';

export class AreaTreeService {
  constructor(private readonly cache: DataVersionCache) {}

  /** Every live area, indexed. */
  tree(): Promise<Tree> {
    return this.cache.get('areas:tree', async () =>
      treeOf(
        await this.cache.db
          .selectFrom('areas')
          .select(['code', 'name', 'level', 'parent_code'])
          .where('voided_at', 'is', null)
          .execute(),
      ),
    );
  }

  /** One live area, or not_found. */
  async area(code: string): Promise<AreaInfo> {
    const tree = await this.tree();
    const area = tree.areas.get(code);
    if (!area) throw new AppError('area_not_found', { area: code });
    return area;
  }
}
