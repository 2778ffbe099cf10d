/**
 * Notification settings, stored as data (the `settings` row `notifications`) over defaults held
 * here: the document-number pattern, issuing authorities, the distribution list of each level,
 * the rectification deadline, tasks per area or per indicator, the days to appeal, commendation thresholds and the evidence size limit.
 *
 * @example
 *   numberOf(settings, issuer, 2019, 6) // '吉公社〔2019〕6号'
 */
import { z } from 'zod';
import type { Lang } from '#core/documents/document.ts';
import { nameText } from '#core/contracts/common.ts';
import type { AreaRef, Issuer } from './notification.facts.ts';

const LEVELS = ['province', 'city', 'county', 'township'] as const;

const listSchema = z.array(nameText(200)).max(50);
const distributionSchema = z.object({ recipients: listSchema, copy_to: listSchema }).strict();

export const notificationSettingsSchema = z
  .object({
    /** `{abbr}`, `{year}` and `{seq}` are replaced; `{seq}` is required. */
    number_pattern: z
      .string()
      .min(1)
      .max(100)
      .refine((p) => p.includes('{seq}'), 'pattern_needs_seq'),
    deadline_days: z.number().int().min(1).max(365),
    /** `area`: one rectification task per lagging area listing its problems; `indicator`: one per problem. */
    tasks_per: z.enum(['area', 'indicator']),
    /** Days after a notice's issue date within which a ranked area may appeal its score (申诉). */
    appeal_days: z.number().int().min(0).max(90),
    commend_top: z.number().int().min(0).max(20),
    commend_composite: z.number().min(0).max(100),
    evidence_max_bytes: z
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024),
    /** Per issuing area code: its name, the abbreviation in its numbers (one area's own), and English name. */
    issuers: z.record(
      z.string(),
      z
        .object({
          name: nameText(100),
          abbr: nameText(40),
          name_en: nameText(200).optional(),
        })
        .strict(),
    ),
    /** Per level of the issuing area and language: main recipients and copy-to list. */
    distribution: z.record(z.enum(LEVELS), z.object({ zh: distributionSchema, en: distributionSchema }).strict()),
  })
  .strict();

export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** What a settings update may carry: any top-level key; issuers and distribution merge by key. */
export const notificationSettingsPatch = notificationSettingsSchema.partial();

/**
 * A pattern a settings update may set: besides `{seq}`, `{abbr}` tells the areas apart and
 * `{year}` the years' sequences, or two notices would share a number. (Checked on update only:
 * a pattern stored before still loads, and a clash it causes is a 409 when issuing.)
 */
export function patternNumbersApart(pattern: string): boolean {
  return pattern.includes('{abbr}') && pattern.includes('{year}');
}

export const DEFAULT_SETTINGS: NotificationSettings = {
  number_pattern: '{abbr}〔{year}〕{seq}号',
  deadline_days: 30,
  tasks_per: 'area',
  appeal_days: 7,
  commend_top: 3,
  commend_composite: 90,
  evidence_max_bytes: 10 * 1024 * 1024,
  issuers: {},
  distribution: {
    province: {
      zh: { recipients: ['各市（州）公安局'], copy_to: ['省委政法委', '省人民政府办公厅', '各市（州）党委、人民政府'] },
      en: {
        recipients: ['The public security bureaus of all cities and prefectures'],
        copy_to: [
          'The Political and Legal Affairs Commission of the Provincial Party Committee',
          "The General Office of the Provincial People's Government",
          "The Party committees and people's governments of all cities and prefectures",
        ],
      },
    },
    city: {
      zh: {
        recipients: ['各县（市、区）公安局'],
        copy_to: ['市委政法委', '市人民政府办公室', '各县（市、区）党委、人民政府'],
      },
      en: {
        recipients: ['The public security bureaus of all counties and districts'],
        copy_to: [
          'The Political and Legal Affairs Commission of the City Party Committee',
          "The General Office of the City People's Government",
          "The Party committees and people's governments of all counties and districts",
        ],
      },
    },
    county: {
      zh: {
        recipients: ['各派出所'],
        copy_to: ['县（市、区）委政法委', '县（市、区）人民政府办公室', '各乡镇（街道）党委、政府'],
      },
      en: {
        recipients: ['All police stations'],
        copy_to: [
          'The Political and Legal Affairs Commission of the County Party Committee',
          "The General Office of the County People's Government",
          'The Party committees and governments of all townships and streets',
        ],
      },
    },
    township: {
      zh: { recipients: ['各社区警务室、农村警务室'], copy_to: ['乡镇（街道）党委、政府'] },
      en: {
        recipients: ['All community police rooms and rural police offices'],
        copy_to: ['The Party committee and government of the township'],
      },
    },
  },
};

/** Stored settings over the defaults; issuers and distribution merge key by key. */
export function mergeSettings(base: NotificationSettings, patch: Partial<NotificationSettings>): NotificationSettings {
  return {
    ...base,
    ...patch,
    issuers: { ...base.issuers, ...patch.issuers },
    distribution: { ...base.distribution, ...patch.distribution },
  };
}

const HAN = /^\p{Script=Han}/u;

/**
 * The abbreviation an area's numbers carry when the settings name none: 吉公社 for a province,
 * the whole name for any other area (吉林市公社, 白城市公社, 白山市公社), so that 吉林省 and
 * 吉林市 no longer both number as 吉公社〔2026〕1号; a name in Latin letters as it is.
 */
export function derivedAbbr(area: AreaRef): string {
  if (!HAN.test(area.name)) return area.name;
  return area.level === 'province' ? `${[...area.name][0]}公社` : `${area.name}公社`;
}

/**
 * The abbreviation of `area`'s numbers, unique among `issuers` (every area that can issue):
 * the configured one (settings refuse one configured twice), else the derived one, else, when
 * another area is configured with it or derives it too (two districts named 朝阳区), the
 * derived one followed by the area's code. A number is an area's abbreviation with its own
 * sequence, so unique abbreviations make unique numbers.
 */
export function uniqueAbbr(settings: NotificationSettings, area: AreaRef, issuers: AreaRef[]): string {
  const configured = settings.issuers[area.code]?.abbr;
  if (configured) return configured;
  const base = derivedAbbr(area);
  const taken =
    Object.entries(settings.issuers).some(([code, i]) => code !== area.code && i.abbr === base) ||
    issuers.some((o) => o.code !== area.code && !settings.issuers[o.code] && derivedAbbr(o) === base);
  return taken ? `${base}（${area.code}）` : base;
}

/** The issuing areas configured with the same abbreviation, as [abbr, first code, second code]. */
export function abbrClash(settings: NotificationSettings): [string, string, string] | undefined {
  const seen = new Map<string, string>();
  for (const [code, { abbr }] of Object.entries(settings.issuers)) {
    const other = seen.get(abbr);
    if (other) return [abbr, other, code];
    seen.set(abbr, code);
  }
  return undefined;
}

/**
 * The issuing authority of an area's notifications: as configured, else 吉林省公安厅 for a
 * province, 长春市公安局 for a city or county, 某某派出所 for a township. Its `abbr` is the
 * area's own one; numbering uses uniqueAbbr, which also knows the other areas.
 */
export function issuerOf(settings: NotificationSettings, area: AreaRef, lang: Lang): Issuer & { abbr: string } {
  const configured = settings.issuers[area.code];
  const zhName =
    configured?.name ??
    `${area.name}${area.level === 'province' ? '公安厅' : area.level === 'township' ? '派出所' : '公安局'}`;
  const abbr = configured?.abbr ?? derivedAbbr(area);
  if (lang === 'zh') return { name: zhName, mark: `${zhName}文件`, printer: `${zhName}办公室`, abbr };
  const enName =
    configured?.name_en ??
    (area.level === 'province'
      ? `Public Security Department of ${area.name}`
      : area.level === 'township'
        ? `${area.name} Police Station`
        : `Public Security Bureau of ${area.name}`);
  return { name: enName, mark: enName, printer: `General Office, ${enName}`, abbr };
}

/** The main recipients and copy-to list of an issuing area's level (a village issues nothing). */
export function distributionOf(
  settings: NotificationSettings,
  level: string,
  lang: Lang,
): { recipients: string[]; copy_to: string[] } {
  const d = settings.distribution[level as (typeof LEVELS)[number]];
  return d ? d[lang] : { recipients: [], copy_to: [] };
}

/** A document number from the pattern: 吉公社〔2019〕6号. */
export function numberOf(settings: NotificationSettings, abbr: string, year: number, seq: number): string {
  return settings.number_pattern
    .replaceAll('{abbr}', abbr)
    .replaceAll('{year}', String(year))
    .replaceAll('{seq}', String(seq));
}
