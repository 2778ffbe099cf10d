/**
 * An event as each channel's receiver wants it, pure: the `json` webhook's object, the WeCom and
 * DingTalk group robots' markdown messages (DingTalk's address signed with its secret), the SMS
 * gateway's request, and an email's subject and text.
 *
 * WeCom (企业微信群机器人): POST the webhook address (its key in `?key=`) with
 * `{"msgtype":"markdown","markdown":{"content":…}}`, content at most 4,096 bytes of UTF-8.
 * DingTalk (钉钉自定义机器人): POST `…/robot/send?access_token=…&timestamp=T&sign=S` with
 * `{"msgtype":"markdown","markdown":{"title":…,"text":…}}`, where T is the time in milliseconds
 * and S = urlencode(base64(HMAC-SHA256(key = secret, message = T + "\n" + secret))).
 * Both answer HTTP 200 with `{"errcode":0,"errmsg":"ok"}`, or a non-zero errcode when they refuse.
 *
 * @example
 *   signDingtalk('https://oapi.dingtalk.com/robot/send?access_token=t', 'SEC…', 1562055000000)
 */
import { createHmac } from 'node:crypto';
import { absoluteLink, type Lang, type StoredEvent } from './events.ts';

export { WEBHOOK_FORMATS, type WebhookFormat } from '#core/channels/channel-words.ts';
import type { WebhookFormat } from '#core/channels/channel-words.ts';

const WECOM_MARKDOWN_BYTES = 4096;
const DINGTALK_TEXT_CHARS = 4000;
const SMS_CHARS = 300;

/** The `json` webhook's body: at least event, area, month and id (SPEC §5). */
export function jsonBody(e: StoredEvent, lang: Lang): Record<string, unknown> {
  return {
    id: e.id,
    event: e.name,
    area: e.area,
    month: e.month,
    day: e.day,
    lang,
    title: e.title[lang],
    text: e.text[lang],
    link: absoluteLink(e.link),
    data: e.data,
    created_at: e.created_at,
  };
}

function markdownLines(e: StoredEvent, lang: Lang): string[] {
  const link = absoluteLink(e.link);
  const more = lang === 'zh' ? '查看详情' : 'Open';
  return [e.text[lang], ...(link ? [`[${more}](${link})`] : [])];
}

export function wecomBody(e: StoredEvent, lang: Lang): { msgtype: 'markdown'; markdown: { content: string } } {
  const content = [`**${e.title[lang]}**`, ...markdownLines(e, lang)].join('\n');
  return { msgtype: 'markdown', markdown: { content: cutBytes(content, WECOM_MARKDOWN_BYTES) } };
}

export function dingtalkBody(
  e: StoredEvent,
  lang: Lang,
): { msgtype: 'markdown'; markdown: { title: string; text: string } } {
  const text = [`#### ${e.title[lang]}`, '', ...markdownLines(e, lang)].join('\n');
  return { msgtype: 'markdown', markdown: { title: e.title[lang], text: cutChars(text, DINGTALK_TEXT_CHARS) } };
}

/** DingTalk's signature: base64 of HMAC-SHA256 over `timestamp + "\n" + secret`, keyed by the secret. */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The robot's address with `timestamp` and `sign` added to its query. */
export function signDingtalk(url: string, secret: string, timestamp: number): string {
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', dingtalkSign(secret, timestamp));
  return u.toString();
}

/** The body of a webhook of the format. */
export function webhookBody(format: WebhookFormat, e: StoredEvent, lang: Lang): unknown {
  if (format === 'wecom') return wecomBody(e, lang);
  if (format === 'dingtalk') return dingtalkBody(e, lang);
  return jsonBody(e, lang);
}

/** The SMS gateway's request: the numbers, one short text, and the event's id for its own de-duplication. */
export function smsBody(e: StoredEvent, lang: Lang, to: string[]): { id: string; to: string[]; text: string } {
  const sign = lang === 'zh' ? '【社区和农村警务】' : '[Outpost] ';
  return { id: e.id, to, text: cutChars(`${sign}${e.title[lang]}：${e.text[lang]}`, SMS_CHARS) };
}

export function emailMessage(e: StoredEvent, lang: Lang): { subject: string; text: string } {
  const link = absoluteLink(e.link);
  const lines = [e.text[lang], ''];
  if (link) lines.push(link, '');
  lines.push(lang === 'zh' ? `事件编号：${e.id}` : `Event: ${e.id}`);
  return { subject: e.title[lang], text: lines.join('\n') };
}

/**
 * Whether a robot's answer says it was sent: HTTP 2xx, and an errcode of 0 when the body carries
 * one. `rateLimited` when it refused for being sent too much (WeCom 45009, DingTalk 130101).
 */
export function readAnswer(status: number, body: string): { ok: boolean; rateLimited: boolean; error: string | null } {
  if (status < 200 || status >= 300) return { ok: false, rateLimited: status === 429, error: `HTTP ${status}` };
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  const errcode = (json as { errcode?: unknown } | undefined)?.errcode;
  if (errcode === undefined || errcode === 0 || errcode === '0') return { ok: true, rateLimited: false, error: null };
  const errmsg = String((json as { errmsg?: unknown }).errmsg ?? '');
  return {
    ok: false,
    rateLimited: errcode === 45009 || errcode === 130101,
    error: `errcode ${String(errcode)}${errmsg ? `: ${errmsg}` : ''}`,
  };
}

function cutBytes(s: string, max: number): string {
  if (Buffer.byteLength(s, 'utf8') <= max) return s;
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch + '…', 'utf8') > max) break;
    out += ch;
  }
  return `${out}…`;
}

function cutChars(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
