/** Generated Chinese personal names and the names of units built on real area names. */
import type { Random } from './random.ts';

// The commonest surnames, with those frequent among Jilin's Korean and Manchu residents.
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林',
  '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹',
  '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛',
  '叶', '阎', '余', '潘', '杜', '戴', '夏', '钟', '汪', '田', '任', '姜', '范', '方', '石', '姚',
  '谭', '廖', '邹', '熊', '金', '陆', '郝', '孔', '白', '崔', '康', '毛', '邱', '秦', '江', '史',
  '顾', '侯', '邵', '孟', '龙', '万', '段', '雷', '钱', '汤', '尹', '黎', '易', '常', '武', '乔',
  '贺', '赖', '龚', '文', '朴', '关', '佟', '那', '付', '牛', '闫', '兰', '庞', '单', '尚', '邢',
];

const GIVEN = [
  '伟', '刚', '勇', '毅', '俊', '峰', '强', '军', '平', '保', '东', '文', '辉', '力', '明', '永',
  '健', '世', '广', '志', '义', '兴', '良', '海', '山', '仁', '波', '宁', '贵', '福', '生', '龙',
  '元', '全', '国', '胜', '学', '祥', '才', '发', '武', '新', '利', '清', '飞', '彬', '富', '顺',
  '信', '子', '杰', '涛', '昌', '成', '康', '星', '光', '天', '达', '安', '岩', '中', '茂', '进',
  '林', '有', '坚', '和', '彪', '博', '诚', '先', '敬', '震', '振', '壮', '会', '思', '群', '豪',
  '心', '邦', '承', '乐', '绍', '功', '松', '善', '厚', '庆', '磊', '民', '友', '裕', '河', '哲',
  '江', '超', '浩', '亮', '政', '谦', '亨', '奇', '固', '之', '轮', '翰', '朗', '伯', '宏', '言',
  '若', '鸣', '朋', '斌', '梁', '栋', '维', '启', '克', '伦', '翔', '旭', '鹏', '泽', '晨', '辰',
  '秀', '娟', '英', '华', '慧', '巧', '美', '娜', '静', '淑', '惠', '珠', '翠', '雅', '芝', '玉',
  '萍', '红', '娥', '玲', '芬', '芳', '燕', '彩', '春', '菊', '兰', '凤', '洁', '梅', '琳', '素',
  '丽', '雪', '霞', '颖', '媛', '艳', '瑞', '凡', '佳', '嘉', '琼', '勤', '珍', '贞', '莉', '桂',
];

/** A plausible name: a surname and a one- or two-character given name. */
export function personName(rng: Random): string {
  const surname = rng.pick(SURNAMES);
  const first = rng.pick(GIVEN);
  return rng.chance(0.7) ? surname + first + rng.pick(GIVEN) : surname + first;
}

/** A mobile-style public work number. */
export function mobilePhone(rng: Random): string {
  const prefix = rng.pick(['139', '138', '137', '135', '158', '159', '187', '189', '133', '180']);
  return prefix + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** A landline under a city's dialling code, e.g. `0431-85123456`. */
export function landline(rng: Random, dialCode: string): string {
  return `${dialCode}-8${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** The base of a village-level area's name without its committee suffix (`房家村委会` -> `房家村`). */
export function placeName(areaName: string): string {
  const stripped = areaName
    .replace(/社区居民委员会$/, '社区')
    .replace(/居民委员会$/, '社区')
    .replace(/村民委员会$/, '村')
    .replace(/居委会$/, '社区')
    .replace(/村委会$/, '村')
    .replace(/委员会$/, '');
  return stripped || areaName;
}

export function bureauName(countyName: string): string {
  return /(区|开发区)$/.test(countyName) ? `${countyName}公安分局` : `${countyName}公安局`;
}

export function stationName(townshipName: string): string {
  const base = townshipName.replace(/(街道办事处|办事处)$/, '街道');
  return `${base}派出所`;
}

export function roomName(villageName: string, suffix = ''): string {
  return `${placeName(villageName)}警务室${suffix}`;
}
