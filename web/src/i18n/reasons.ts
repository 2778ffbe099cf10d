/**
 * The API's row-error reasons are English sentences built by the import rules; this renders
 * the common ones in Chinese (anything unrecognised is shown as it came).
 */
import type { Lang } from './format.ts';

const LEVEL_ZH: Record<string, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
  village: '村级',
};

const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^a value is required \(yes or no\)$/, () => '必须填写（是或否）'],
  [/^a value is required$/, () => '必须填写'],
  [/^"(.*)" is not a date \(YYYY-MM-DD\)$/, (m) => `“${m[1]}”不是日期（格式 年-月-日）`],
  [/^(.*) is not a day of the calendar$/, (m) => `${m[1]} 不是日历上存在的日期`],
  [/^"(.*)" is not one of (.*)$/, (m) => `“${m[1]}”不是可选值（${m[2]}）之一`],
  [/^"(.*)" is not yes or no$/, (m) => `“${m[1]}”不是“是”或“否”`],
  [/^"(.*)" is not a whole number$/, (m) => `“${m[1]}”不是整数`],
  [/^"(.*)" is not a number$/, (m) => `“${m[1]}”不是数字`],
  [/^"(.*)" is not an amount in yuan \(at most 2 decimals\)$/, (m) => `“${m[1]}”不是金额（元，最多两位小数）`],
  [/^"(.*)" is not a code \(.*\)$/, (m) => `“${m[1]}”不是有效编码（字母、数字、- _ . /，最多 64 位）`],
  [/^"(.*)" is not an area code.*$/, (m) => `“${m[1]}”不是有效的地区代码`],
  [/^(.*) is negative$/, (m) => `${m[1]} 不能为负数`],
  [/^(.*) is above (.*)$/, (m) => `${m[1]} 大于上限 ${m[2]}`],
  [/^(.*) is below (.*)$/, (m) => `${m[1]} 小于下限 ${m[2]}`],
  [/^(.*) must be above (.*)$/, (m) => `${m[1]} 必须大于 ${m[2]}`],
  [/^(.*) is too large$/, (m) => `${m[1]} 太大`],
  [/^longer than (\d+) characters$/, (m) => `超过 ${m[1]} 个字符`],
  [/^no area (.*) exists$/, (m) => `没有代码为 ${m[1]} 的地区`],
  [/^(.*) is a (\w+), not a village-level area$/, (m) => `${m[1]} 是${LEVEL_ZH[m[2]] ?? m[2]}地区，不是村（社区）`],
  [/^no officer with badge (.*) exists$/, (m) => `没有警号为 ${m[1]} 的民警`],
  [/^no patrol team (.*) exists$/, (m) => `没有代码为 ${m[1]} 的巡防队伍`],
  [/^no unit (.*) exists$/, (m) => `没有代码为 ${m[1]} 的单位`],
  [/^no station (.*) exists$/, (m) => `没有代码为 ${m[1]} 的派出所`],
  [/^(.*) is more than sampled \((.*)\)$/, (m) => `${m[1]} 大于抽查户数（${m[2]}）`],
  [/^(.*) is before (\w+) (.*)$/, (m) => `${m[1]} 早于 ${m[2]}（${m[3]}）`],
  [/^unknown column; (\w+) has (.*)$/, (m) => `未知的列；${m[1]} 的列为 ${m[2]}`],
  [/^missing column$/, () => '缺少这一列'],
  [/^the column appears twice$/, () => '这一列出现了两次'],
  [/^the same key as (.*) with different data$/, (m) => `与 ${m[1]} 的编号相同但内容不同`],
  [/^(\d+) cells under a header of (\d+)$/, (m) => `有 ${m[1]} 个单元格，但表头只有 ${m[2]} 列`],
  [/^a quoted field must be followed by a comma or the end of the line$/, () => '引号内的字段后面必须是逗号或行尾'],
  [/^overlaps this badge's posting from (.*)$/, (m) => `与该警号自 ${m[1]} 起的任职重叠`],
  [/^a latitude needs its longitude \(give both or neither\)$/, () => '填了纬度须同时填经度（两者都填或都不填）'],
  [/^a longitude needs its latitude \(give both or neither\)$/, () => '填了经度须同时填纬度（两者都填或都不填）'],
  [
    /^(.*), (.*) is outside China \(longitude (.*) to (.*), latitude (.*) to (.*)\)(; longitude and latitude look swapped)?$/,
    (m) =>
      `${m[1]}, ${m[2]} 不在中国境内（经度 ${m[3]}～${m[4]}，纬度 ${m[5]}～${m[6]}）${m[7] ? '；经度和纬度似乎填反了' : ''}`,
  ],
  // A file, and a scoped account's refusals (POST imports names them by the file's own lines).
  [/^no kind of import is named "(.*)" \(expected (.*)\)$/, (m) => `没有名为“${m[1]}”的数据类型（可用：${m[2]}）`],
  [/^not a \.csv, \.csv\.gz or \.xlsx file$/, () => '不是 .csv、.csv.gz 或 .xlsx 文件'],
  [/^the (?:file|sheet) is empty: a header row is required$/, () => '文件（工作表）是空的：第一行须为表头'],
  [
    /^it would replace a row outside your scope: (.*)$/,
    (m) => `会替换您管辖范围以外的一行：${translateReason(m[1], 'zh')}`,
  ],
  [/^(.*) is not in your area \((.*)\)$/, (m) => `${m[1]} 不在您的管辖范围（${m[2]}）内`],
  [
    /^(.*) is your own area; only an account above it may change it$/,
    (m) => `${m[1]} 是您自己的辖区，只有上级账号可以修改`,
  ],
  [/^(.*) is not your unit \((.*)\)$/, (m) => `${m[1]} 不是您的单位（${m[2]}）`],
  [/^(.*) is not a unit of your area \((.*)\)$/, (m) => `${m[1]} 不是您辖区（${m[2]}）内的单位`],
  [/^patrol team (.*) is not one of your (?:unit|area)'s$/, (m) => `巡防队伍 ${m[1]} 不属于您的管辖范围`],
  [
    /^badge (.*) was not posted in your area \((.*)\) on (.*)$/,
    (m) => `警号 ${m[1]} 在 ${m[3]} 不在您的辖区（${m[2]}）任职`,
  ],
  [/^an officer writes records with its own badge \((.*)\) only$/, (m) => `民警只能用本人警号（${m[1]}）填报记录`],
  [
    /^an officer account writes only its own work records \((.*)\), not (.*)$/,
    (m) => `民警账号只能导入本人的工作记录（${m[1]}），不能导入 ${m[2]}`,
  ],
];

/** The reason in the reader's language: `translateReason('a value is required', 'zh')` is `必须填写`. */
export function translateReason(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  for (const [pattern, render] of RULES) {
    const m = pattern.exec(reason);
    if (m) return render(m);
  }
  return reason;
}
