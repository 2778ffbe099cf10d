/**
 * Notification settings, stored as data (the `settings` row `notifications`) over defaults held
 * here: the document-number pattern, issuing authorities, the distribution list of each level,
 * the rectification deadline, commendation thresholds and the evidence size limit.
 *
 * @example
 *   numberOf(settings, issuer, 2019, 6) // '吉公社〔2019〕6号'
 */
import { z } from 'zod';
import type { Lang } from '#core/documents/document.ts';
import type { AreaRef, Issuer } from './notification.facts.ts';

const LEVELS = ['province', 'city', 'county', 'township'] as const;

const listSchema = z.array(z.string().min(1).max(200)).max(50);
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
    commend_top: z.number().int().min(0).max(20),
    commend_composite: z.number().min(0).max(100),
    evidence_max_bytes: z
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024),
    /** Per issuing area code: its name, the abbreviation in its numbers, and English name. */
    issuers: z.record(
      z.string(),
      z
        .object({
          name: z.string().min(1).max(100),
          abbr: z.string().min(1).max(40),
          name_en: z.string().min(1).max(200).optional(),
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

export const DEFAULT_SETTINGS: NotificationSettings = {
  number_pattern: '{abbr}〔{year}〕{seq}号',
  deadline_days: 30,
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
 * The issuing authority of an area's notifications: as configured, else 吉林省公安厅 for a
 * province, 长春市公安局 for a city or county, 某某派出所 for a township.
 */
export function issuerOf(settings: NotificationSettings, area: AreaRef, lang: Lang): Issuer & { abbr: string } {
  const configured = settings.issuers[area.code];
  const zhName =
    configured?.name ??
    `${area.name}${area.level === 'province' ? '公安厅' : area.level === 'township' ? '派出所' : '公安局'}`;
  const abbr = configured?.abbr ?? (HAN.test(area.name) ? `${[...area.name][0]}公社` : area.name);
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
