/**
 * The strings of exports, the header's search and printing, in both languages; spread into the
 * two dictionaries (messages-zh.ts, messages-en.ts), whose types keep them complete.
 */
export const tablesZh = {
  'export.label': '下载表格',
  'export.xlsx': '下载 Excel',
  'export.csv': '下载 CSV',
  'export.hint': '包含筛选出的全部行，不只是本页',
  'export.of': '下载“{what}”',
  'print.action': '打印',
  'print.area': '地区',
  'print.month': '月份',
  'print.scheme': '考核方案',
  'search.label': '搜索民警或警务室',
  'search.placeholder': '民警姓名、警号或警务室',
  'search.officers': '民警',
  'search.rooms': '警务室',
  'search.none': '没有找到“{q}”',
  'search.searching': '正在搜索…',
  'search.formerly': '（已离任）',
  'search.open': '搜索',
  'search.close': '关闭搜索',
} as const;

export const tablesEn: Record<keyof typeof tablesZh, string> = {
  'export.label': 'Download the table',
  'export.xlsx': 'Excel',
  'export.csv': 'CSV',
  'export.hint': 'Every row of what is filtered, not only this page',
  'export.of': 'Download “{what}”',
  'print.action': 'Print',
  'print.area': 'Area',
  'print.month': 'Month',
  'print.scheme': 'Scheme',
  'search.label': 'Search officers or rooms',
  'search.placeholder': 'Officer name, badge or room',
  'search.officers': 'Officers',
  'search.rooms': 'Rooms',
  'search.none': 'Nothing found for “{q}”',
  'search.searching': 'Searching…',
  'search.formerly': '(no longer posted)',
  'search.open': 'Search',
  'search.close': 'Close the search',
};
