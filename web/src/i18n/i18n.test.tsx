// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from './messages-en.ts';
import { zh, type MessageKey } from './messages-zh.ts';
import { I18nProvider, translate, useI18n } from './i18n.tsx';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('give every key a text in both languages, with the same placeholders', () => {
    for (const key of Object.keys(zh) as MessageKey[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key]?.trim(), key).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(translate('zh', 'dash.teamsMembers', { teams: 3, members: '27' })).toBe('3 支 · 27 人');
    expect(translate('en', 'dash.up', {})).toBe('up {n}');
  });
});

function Probe() {
  const { t, lang, setLang, tr } = useI18n();
  return (
    <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t('nav.dashboard')} {tr('role', 'resident')} {tr('role', 'unheard_of')}
    </button>
  );
}

afterEach(cleanup);

describe('I18nProvider', () => {
  it('starts in Chinese, switches to English, remembers it and sets the page language', () => {
    window.localStorage.clear();
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByRole('button').textContent).toBe('考核总览 驻村民警 unheard_of');
    expect(document.documentElement.lang).toBe('zh-CN');
    act(() => screen.getByRole('button').click());
    expect(screen.getByRole('button').textContent).toBe('Dashboard Resident officer unheard_of');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('outpost.lang')).toBe('en');
  });
});
