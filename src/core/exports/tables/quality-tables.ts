/**
 * The data-quality report's lists as exported, one table each: records placed nowhere, empty
 * surveys, villages without surveys, rooms with identical answers, busy days, jumps.
 */
import type { z } from 'zod';
import { QUALITY_LISTS, type qualitySchema } from '../../contracts/quality.schema.ts';
export { QUALITY_LISTS };
import { bindRows, col, defineTable, type BoundTable } from '../export-table.ts';

type Quality = z.infer<typeof qualitySchema>;
type Items<L extends { items: unknown[] }> = L['items'][number];

export type QualityList = (typeof QUALITY_LISTS)[number];

const TABLES = {
  unplaced: defineTable<Items<Quality['unplaced']>>(
    'quality-unplaced',
    { zh: '无法归属的记录', en: 'Records placed nowhere' },
    [
      col('kind', '记录类别', 'Kind', 'text', (r) => r.kind),
      col('key', '记录', 'Record', 'text', (r) => r.key),
      col('date', '日期', 'Date', 'text', (r) => r.date),
      col('badge', '警号', 'Badge', 'text', (r) => r.badge),
    ],
  ),
  empty_surveys: defineTable<Items<Quality['empty_surveys']>>(
    'quality-empty-surveys',
    { zh: '空白测评', en: 'Empty surveys' },
    [
      col('ref', '编号', 'Ref', 'text', (r) => r.ref),
      col('date', '日期', 'Date', 'text', (r) => r.date),
      col('area_code', '村（社区）代码', 'Area code', 'text', (r) => r.area_code),
      col('channel', '方式', 'Channel', 'text', (r) => r.channel),
    ],
  ),
  villages_without_surveys: defineTable<Items<Quality['villages_without_surveys']>>(
    'quality-villages-without-surveys',
    { zh: '没有测评的村（社区）', en: 'Villages without surveys' },
    [col('code', '代码', 'Code', 'text', (r) => r.code), col('name', '名称', 'Name', 'text', (r) => r.name)],
  ),
  identical_answers: defineTable<Items<Quality['implausible']['identical_answers']>>(
    'quality-identical-answers',
    { zh: '答案完全一致的警务室', en: 'Rooms with identical answers' },
    [
      col('unit_code', '单位代码', 'Unit code', 'text', (r) => r.unit_code),
      col('name', '名称', 'Name', 'text', (r) => r.name),
      col('answers', '测评数', 'Answers', 'integer', (r) => r.answers),
      col('sample', '答案', 'Answer', 'text', (r) => r.sample),
    ],
  ),
  busy_days: defineTable<Items<Quality['implausible']['busy_days']>>(
    'quality-busy-days',
    { zh: '单日走访过多', en: 'Busy days' },
    [
      col('badge', '警号', 'Badge', 'text', (r) => r.badge),
      col('date', '日期', 'Date', 'text', (r) => r.date),
      col('visits', '走访户数', 'Visits', 'integer', (r) => r.visits),
    ],
  ),
  jumps: defineTable<Items<Quality['implausible']['jumps']>>('quality-jumps', { zh: '指标大幅变化', en: 'Jumps' }, [
    col('area', '代码', 'Code', 'text', (r) => r.area),
    col('name', '名称', 'Name', 'text', (r) => r.name),
    col('scheme', '考核方案', 'Scheme', 'text', (r) => r.scheme),
    col('indicator', '指标', 'Indicator', 'text', (r) => r.indicator),
    col('direction', '方向', 'Direction', 'text', (r) => r.direction),
    col('previous', '上月值', 'Previous', 'text', (r) => r.previous.value),
    col('previous_denominator', '上月分母', 'Previous denominator', 'decimal', (r) => r.previous.denominator),
    col('current', '本月值', 'Current', 'text', (r) => r.current.value),
    col('current_denominator', '本月分母', 'Current denominator', 'decimal', (r) => r.current.denominator),
  ]),
};

/** One list of the report as an exported table, every item of it. */
export function qualityTable(q: Quality, list: QualityList): BoundTable {
  switch (list) {
    case 'unplaced':
      return bindRows(TABLES.unplaced, q.unplaced.items);
    case 'empty_surveys':
      return bindRows(TABLES.empty_surveys, q.empty_surveys.items);
    case 'villages_without_surveys':
      return bindRows(TABLES.villages_without_surveys, q.villages_without_surveys.items);
    case 'identical_answers':
      return bindRows(TABLES.identical_answers, q.implausible.identical_answers.items);
    case 'busy_days':
      return bindRows(TABLES.busy_days, q.implausible.busy_days.items);
    case 'jumps':
      return bindRows(TABLES.jumps, q.implausible.jumps.items);
  }
}
