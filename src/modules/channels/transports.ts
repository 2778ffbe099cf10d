/**
 * Sends one delivery over its channel: a webhook POST (json, WeCom, DingTalk signed afresh at each
 * attempt), an SMS gateway POST, or an email over SMTP with nodemailer. Answers what happened;
 * never throws, and no secret of the channel reaches the error it reports.
 */
import nodemailer from 'nodemailer';
import type { ChannelRow } from './channels.repository.ts';
import type { Lang, StoredEvent } from './events.ts';
import { emailMessage, readAnswer, signDingtalk, smsBody, webhookBody, type WebhookFormat } from './formats.ts';
import { scrub } from './mask.ts';

/** How long one request may take before it counts as failed. */
export const SEND_TIMEOUT_MS = 10_000;

export interface SendResult {
  ok: boolean;
  rateLimited: boolean;
  status: number | null;
  error: string | null;
}

/** Where a personal copy goes: the subscribed account's own address or phone. */
export interface PersonalTarget {
  email: string | null;
  phone: string | null;
}

/** The SMTP server of an email channel: its own, else OUTPOST_SMTP_URL. */
export function smtpOf(channel: Pick<ChannelRow, 'smtp_url'>, env: NodeJS.ProcessEnv = process.env): string | null {
  return channel.smtp_url ?? env.OUTPOST_SMTP_URL ?? null;
}

export async function send(
  channel: ChannelRow,
  event: StoredEvent,
  personal: PersonalTarget | null,
): Promise<SendResult> {
  const lang = (channel.lang === 'en' ? 'en' : 'zh') satisfies Lang;
  const own = JSON.parse(channel.recipients ?? '[]') as string[];
  try {
    if (channel.kind === 'webhook') {
      const format = (channel.format ?? 'json') as WebhookFormat;
      const url =
        format === 'dingtalk' && channel.secret ? signDingtalk(channel.url!, channel.secret, Date.now()) : channel.url!;
      return await postJson(url, webhookBody(format, event, lang));
    }
    if (channel.kind === 'sms') {
      const to = personal ? [personal.phone ?? ''] : own;
      return await postJson(channel.url!, smsBody(event, lang, to));
    }
    return await sendEmail(channel, event, lang, personal ? [personal.email ?? ''] : own);
  } catch (e) {
    return { ok: false, rateLimited: false, status: null, error: scrub(describe(e), channel) };
  }
}

async function postJson(url: string, body: unknown): Promise<SendResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    redirect: 'error',
  });
  const answer = readAnswer(res.status, await res.text());
  return { ...answer, status: res.status };
}

async function sendEmail(channel: ChannelRow, event: StoredEvent, lang: Lang, to: string[]): Promise<SendResult> {
  const smtp = smtpOf(channel);
  if (!smtp)
    return { ok: false, rateLimited: false, status: null, error: 'no SMTP server: set --smtp or OUTPOST_SMTP_URL' };
  const transport = nodemailer.createTransport({
    url: smtp,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    const message = emailMessage(event, lang);
    const from = channel.mail_from ?? process.env.OUTPOST_MAIL_FROM ?? 'outpost@localhost';
    await transport.sendMail({
      from,
      to,
      subject: message.subject,
      text: message.text,
      // Receivers de-duplicate a message sent twice (at least once) by its id.
      messageId: `<${event.id.replace(/[^A-Za-z0-9.:_-]/g, '_')}.${channel.id}@outpost>`,
      headers: { 'X-Outpost-Event': event.id },
    });
    return { ok: true, rateLimited: false, status: null, error: null };
  } finally {
    transport.close();
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: unknown }).cause;
    const why = cause instanceof Error ? `: ${cause.message}` : '';
    return e.name === 'TimeoutError' ? `no answer within ${SEND_TIMEOUT_MS / 1000} s` : `${e.message}${why}`;
  }
  return String(e);
}
