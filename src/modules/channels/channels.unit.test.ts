/** The pure parts of the channels: message formats, DingTalk's signature, answers, masks, backoff, quiet hours. */
import { describe, expect, it } from 'vitest';
import { retryDelayMs, triesAgain, MAX_ATTEMPTS } from './backoff.ts';
import type { StoredEvent } from './events.ts';
import { dingtalkBody, dingtalkSign, jsonBody, readAnswer, signDingtalk, smsBody, wecomBody } from './formats.ts';
import { maskUrl, scrub } from './mask.ts';
import { quietEnd } from './quiet-hours.ts';

const EVENT: StoredEvent = {
  id: 'notification.drafted:P:2019-06',
  name: 'notification.drafted',
  area: 'P',
  month: '2019-06',
  day: '2019-07-05',
  created_at: '2019-07-05T00:00:00.000Z',
  title: { zh: '2019年6月通报草稿已生成：某省', en: 'The draft of June 2019 is ready' },
  text: { zh: '请审阅。', en: 'Review it.' },
  link: '/notifications?area=P&month=2019-06',
  data: { problems: 3 },
};

describe('message formats', () => {
  it('gives the json webhook at least event, area, month and id', () => {
    expect(jsonBody(EVENT, 'zh')).toMatchObject({
      event: 'notification.drafted',
      area: 'P',
      month: '2019-06',
      id: EVENT.id,
      title: EVENT.title.zh,
    });
  });

  it('writes WeCom markdown within 4,096 bytes of UTF-8', () => {
    expect(wecomBody(EVENT, 'zh')).toEqual({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining('**2019年6月通报草稿已生成：某省**') },
    });
    const long = wecomBody({ ...EVENT, text: { zh: '长'.repeat(5000), en: '' } }, 'zh');
    expect(Buffer.byteLength(long.markdown.content, 'utf8')).toBeLessThanOrEqual(4096);
    expect(long.markdown.content.endsWith('…')).toBe(true);
  });

  it('writes DingTalk markdown with a title', () => {
    expect(dingtalkBody(EVENT, 'en').markdown).toEqual({
      title: EVENT.title.en,
      text: expect.stringContaining('#### The draft of June 2019 is ready'),
    });
  });

  it("signs DingTalk's address as its documentation's example code does", () => {
    // Python: base64.b64encode(hmac.new(secret, f'{ts}\n{secret}', sha256).digest())
    expect(dingtalkSign('SEC0123456789abcdef', 1577836800000)).toBe('VIkrYXpqM66nY2agvTap17lAqEfAZw77OqD62+Mh1G0=');
    const url = new URL(
      signDingtalk('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SEC0123456789abcdef', 1577836800000),
    );
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1577836800000');
    expect(url.searchParams.get('sign')).toBe('VIkrYXpqM66nY2agvTap17lAqEfAZw77OqD62+Mh1G0=');
    expect(url.search).toContain('sign=VIkrYXpqM66nY2agvTap17lAqEfAZw77OqD62%2BMh1G0%3D');
  });

  it('keeps an SMS short and carries the event id', () => {
    const sms = smsBody({ ...EVENT, text: { zh: '字'.repeat(1000), en: '' } }, 'zh', ['13800000000']);
    expect([...sms.text].length).toBeLessThanOrEqual(300);
    expect(sms).toMatchObject({ id: EVENT.id, to: ['13800000000'] });
  });
});

describe('robot answers', () => {
  it('takes HTTP 200 with errcode 0, or with no errcode, as sent', () => {
    expect(readAnswer(200, '{"errcode":0,"errmsg":"ok"}').ok).toBe(true);
    expect(readAnswer(204, '').ok).toBe(true);
  });
  it('takes HTTP 200 with a non-zero errcode as a refusal, and 45009 or 130101 as sent too often', () => {
    expect(readAnswer(200, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({
      ok: false,
      rateLimited: false,
      error: 'errcode 310000: sign not match',
    });
    expect(readAnswer(200, '{"errcode":45009,"errmsg":"api freq out of limit"}').rateLimited).toBe(true);
    expect(readAnswer(200, '{"errcode":130101,"errmsg":"send too fast"}').rateLimited).toBe(true);
    expect(readAnswer(500, 'oops')).toMatchObject({ ok: false, error: 'HTTP 500' });
  });
});

describe('secrets', () => {
  it('masks query values, passwords and tokens in paths', () => {
    expect(maskUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***',
    );
    expect(maskUrl('smtp://outpost:hunter2-long@mail.example.cn:587')).toBe('smtp://outpost:***@mail.example.cn:587');
    expect(maskUrl('https://hooks.example.com/services/T0001/B0002/abcdefghij1234567890')).toBe(
      'https://hooks.example.com/services/T0001/B0002/***',
    );
  });
  it('scrubs every secret of a channel out of an error message', () => {
    const channel = {
      url: 'http://127.0.0.1:9/robot/send?access_token=tok-123456',
      smtp_url: null,
      secret: 'SECsecret-value',
    };
    expect(scrub('failed: http://127.0.0.1:9/robot/send?access_token=tok-123456 (SECsecret-value)', channel)).toBe(
      'failed: *** (***)',
    );
  });
});

describe('backoff', () => {
  it('doubles from 30 seconds up to an hour, then gives up', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
    expect(triesAgain(MAX_ATTEMPTS - 1)).toBe(true);
    expect(triesAgain(MAX_ATTEMPTS)).toBe(false);
  });
});

describe('quiet hours', () => {
  const tz = 'Asia/Shanghai';
  it('holds a message sent at 23:00 until 07:00 the next day', () => {
    expect(quietEnd(new Date('2019-07-04T15:00:00Z'), '22:00', '07:00', tz)?.toISOString()).toBe(
      '2019-07-04T23:00:00.000Z',
    );
  });
  it('holds one sent at 06:00 until 07:00 the same day, and lets one at 12:00 go', () => {
    expect(quietEnd(new Date('2019-07-04T22:00:00Z'), '22:00', '07:00', tz)?.toISOString()).toBe(
      '2019-07-04T23:00:00.000Z',
    );
    expect(quietEnd(new Date('2019-07-05T04:00:00Z'), '22:00', '07:00', tz)).toBeNull();
    expect(quietEnd(new Date('2019-07-05T04:00:00Z'), null, null, tz)).toBeNull();
  });
  it('holds within hours that do not span midnight', () => {
    expect(quietEnd(new Date('2019-07-05T05:00:00Z'), '12:00', '14:00', tz)?.toISOString()).toBe(
      '2019-07-05T06:00:00.000Z',
    );
  });
});
