/**
 * The generated part of the glossary in docs/README.md: every closed list of values a user meets
 * (area levels, unit types and statuses, officer roles and origins, patrol kinds, the seven
 * aspects, the standard kit, fund kinds, incident categories, task statuses), each value with
 * the web app's Chinese and English words for it.
 */
import { ASPECTS, KINDS, LEVELS, STANDARD_KIT, TASK_STATUSES, WEB_EN, WEB_ZH } from './sources.ts';
import { code, table } from './markdown.ts';
import type { Renderers } from './regions.ts';

/** The values of an import column that is a choice. */
function choices(kind: string, column: string): readonly string[] {
  const c = KINDS.find((k) => k.kind === kind)?.columns.find((x) => x.name === column);
  if (c?.format.type !== 'choice') throw new Error(`${kind}.${column} is not a choice column`);
  return c.format.values;
}

function words(key: string): [string, string] {
  const zh = (WEB_ZH as Record<string, string>)[key];
  const en = (WEB_EN as Record<string, string>)[key];
  if (zh === undefined || en === undefined) throw new Error(`the web app has no words for ${key} (web/src/i18n)`);
  return [zh, en];
}

interface ValueList {
  title: string;
  where: string;
  prefix: string;
  values: readonly string[];
}

const LISTS: ValueList[] = [
  { title: 'Area levels', where: 'areas.level', prefix: 'level', values: LEVELS },
  { title: 'Unit types', where: 'units.type', prefix: 'unitType', values: choices('units', 'type') },
  { title: 'Unit statuses', where: 'units.status', prefix: 'status', values: choices('units', 'status') },
  { title: 'Officer roles', where: 'officers.role', prefix: 'role', values: choices('officers', 'role') },
  {
    title: 'Origins of officers (警力来源)',
    where: 'officers.origin',
    prefix: 'origin',
    values: choices('officers', 'origin'),
  },
  { title: 'Patrol teams', where: 'patrols.kind', prefix: 'patrol', values: choices('patrols', 'kind') },
  { title: 'The seven aspects (七个方面) of a room', where: 'inspections', prefix: 'aspect', values: ASPECTS },
  { title: 'Standard kit (标准装备)', where: 'equipment.item', prefix: 'kit', values: STANDARD_KIT },
  { title: 'Funds', where: 'funds.kind', prefix: 'funds', values: choices('funds', 'kind') },
  {
    title: 'Incident categories',
    where: 'incidents.category',
    prefix: 'category',
    values: choices('incidents', 'category'),
  },
  { title: 'Supervision task statuses', where: 'tasks', prefix: 'taskStatus', values: TASK_STATUSES },
];

function valueLists(): string {
  return LISTS.map((l) =>
    [
      `**${l.title}** (${code(l.where)})`,
      '',
      table(
        ['value', '中文', 'English'],
        l.values.map((v) => [code(v), ...words(`${l.prefix}.${v}`)]),
      ),
    ].join('\n'),
  ).join('\n\n');
}

/** The region of docs/README.md's glossary. */
export const glossaryRegions: Renderers = { 'glossary-values': valueLists };
