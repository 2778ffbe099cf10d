/**
 * The language of the interface: Chinese by default, English on request, remembered in the
 * browser. `useI18n()` gives `t(key, params)` for strings of the dictionaries, `fmt` for
 * numbers and dates of the same language, and `errorText(e)` for any error the server sent.
 *
 * @example
 *   const { t, fmt } = useI18n();
 *   t('dash.teamsMembers', { teams: 27, members: fmt.count(275) });
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zh, type MessageKey } from './messages-zh.ts';
import { en } from './messages-en.ts';
import { formatter, type Formatter, type Lang } from './format.ts';
import { errorText, type Said } from './errors.ts';

export type { Lang, MessageKey };

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'outpost.lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A key built at run time (an enum value such as `role.${role}`); falls back to the raw value. */
  tr(prefix: string, value: string): string;
  /** An error, a rejected row or a field's problem, from its code and parameters (errors.ts). */
  errorText(said: Said): string;
  fmt: Formatter;
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTIONARIES[lang][key] ?? key;
  return params
    ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all))
    : text;
}

function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // Storage may be refused (private mode); Chinese is the default anyway.
  }
  return 'zh';
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixed ?? initialLang());
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang(next) {
        setLangState(next);
        try {
          window.localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Not remembered; the switch still applies to this visit.
        }
      },
      t: (key, params) => translate(lang, key, params),
      tr: (prefix, value) => {
        const key = `${prefix}.${value}` as MessageKey;
        return key in DICTIONARIES[lang] ? DICTIONARIES[lang][key] : value;
      },
      errorText: (said) => errorText(lang, said),
      fmt: formatter(lang),
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
