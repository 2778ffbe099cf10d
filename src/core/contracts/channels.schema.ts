/**
 * Schemas of channels, their deliveries and the accounts' own subscriptions, shared by the API,
 * the CLI and the web app. A channel's view never carries a secret: addresses come masked and a
 * signing secret only as `has_secret`.
 */
import { z } from 'zod';
import { areaCodeSchema, page, pageQuery } from './common.ts';
import { EVENT_NAMES, HOUR_MINUTE, WEBHOOK_FORMATS } from '../channels/channel-words.ts';

export const CHANNEL_KINDS = ['email', 'webhook', 'sms'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const channelNameSchema = z.string().regex(/^[A-Za-z0-9\u4e00-\u9fff._-]{1,64}$/, 'expected_channel_name');
const httpUrl = z
  .string()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), 'expected_http_url');
const smtpUrl = z
  .string()
  .max(2000)
  .refine((v) => /^smtps?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), 'expected_smtp_url');
export const emailSchema = z
  .string()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'expected_email');
export const phoneSchema = z.string().regex(/^\+?[0-9 -]{5,20}$/, 'expected_phone');
export const eventNameSchema = z.enum(EVENT_NAMES as [string, ...string[]]);
const langSchema = z.enum(['zh', 'en']);

export const channelInput = z
  .object({
    name: channelNameSchema,
    kind: z.enum(CHANNEL_KINDS),
    format: z.enum(WEBHOOK_FORMATS).optional(),
    /** The webhook's or the SMS gateway's address; a robot's key or token inside it is a secret. */
    url: httpUrl.optional(),
    /** DingTalk's signing secret (加签, SEC…). */
    secret: z.string().min(1).max(200).optional(),
    /** Email addresses (email) or phone numbers (sms) it always sends to. */
    to: z.array(z.string().min(1).max(254)).max(100).optional(),
    /** smtp://user:password@host:port; OUTPOST_SMTP_URL by default. */
    smtp: smtpUrl.optional(),
    from: emailSchema.optional(),
    events: z.array(eventNameSchema).min(1).optional(),
    area: areaCodeSchema.optional(),
    lang: langSchema.default('zh'),
    /** Accounts may subscribe to it to receive its events themselves. */
    personal: z.boolean().default(false),
    per_minute: z.number().int().min(1).max(600).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    // Each message is a registered error code (#core/errors), its text said in either language.
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.kind === 'webhook') {
      if (!c.url) issue('url', 'webhook_needs_url');
      if (!c.format) issue('format', 'webhook_needs_format');
      if (c.to?.length) issue('to', 'webhook_no_recipients');
    } else if (c.format) issue('format', 'format_webhook_only');
    if (c.secret && c.format !== 'dingtalk') issue('secret', 'secret_dingtalk_only');
    if (c.kind === 'sms' && !c.url) issue('url', 'sms_needs_url');
    if (c.kind === 'email' && c.url) issue('url', 'email_channel_no_url');
    if (c.kind !== 'email' && (c.smtp || c.from)) issue('smtp', 'smtp_email_only');
    if (c.kind === 'webhook' && c.personal) issue('personal', 'personal_not_webhook');
    if (c.kind !== 'webhook' && !c.to?.length && !c.personal) issue('to', 'recipients_required');
    for (const [i, to] of (c.to ?? []).entries()) {
      const ok = c.kind === 'email' ? emailSchema.safeParse(to).success : phoneSchema.safeParse(to).success;
      if (!ok)
        ctx.addIssue({
          code: 'custom',
          path: ['to', i],
          message: 'recipient_invalid',
          params: { value: to, email: c.kind === 'email' },
        });
    }
  });
export type ChannelInput = z.input<typeof channelInput>;
export type ChannelSpec = z.output<typeof channelInput>;

export const channelSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  format: z.enum(WEBHOOK_FORMATS).nullable(),
  /** Masked: every query value, a password and any token in the path show as ***. */
  url: z.string().nullable(),
  smtp: z.string().nullable(),
  has_secret: z.boolean(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  /** null: every event. */
  events: z.array(z.string()).nullable(),
  area: z.string().nullable(),
  area_name: z.string().nullable(),
  lang: langSchema,
  personal: z.boolean(),
  per_minute: z.number(),
  enabled: z.boolean(),
  created_at: z.string(),
  created_by: z.string(),
  deliveries: z.object({
    pending: z.number(),
    sent: z.number(),
    failed: z.number(),
    last_sent_at: z.string().nullable(),
    last_error: z.string().nullable(),
  }),
});
export type ChannelView = z.infer<typeof channelSchema>;

export const channelNameParams = z.object({ name: channelNameSchema }).strict();
export const channelEnabledBody = z.object({ enabled: z.boolean() }).strict();

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;

export const deliveryListQuery = z
  .object({
    channel: channelNameSchema.optional(),
    status: z.enum(DELIVERY_STATUSES).optional(),
    event: z.string().max(200).optional(),
    ...pageQuery,
  })
  .strict();

export const deliverySchema = z.object({
  id: z.number(),
  event_id: z.string(),
  event: z.string(),
  area: z.string().nullable(),
  month: z.string().nullable(),
  title: z.string(),
  channel: z.string().nullable(),
  /** '' for the channel's own target, else the subscribed account. */
  recipient: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  next_at: z.string().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  sent_at: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof deliverySchema>;
export const deliveryPageSchema = page(deliverySchema);
export const deliveryIdParams = z.object({ id: z.coerce.number().int().min(1) }).strict();

/** What one attempt to send answered. */
export const sendOutcomeSchema = z.object({
  delivery: deliverySchema,
  ok: z.boolean(),
  error: z.string().nullable(),
});

export const eventCatalogueSchema = z.array(z.object({ name: z.string(), permission: z.string(), about: z.string() }));

/** An account's own delivery settings and subscriptions. */
export const mySubscriptionsSchema = z.object({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  quiet_from: z.string().nullable(),
  quiet_until: z.string().nullable(),
  /** The events this account may receive (its role's permissions). */
  events: z.array(z.string()),
  channels: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(CHANNEL_KINDS),
      /** The events the channel carries that this account may receive. */
      events: z.array(z.string()),
      subscribed: z.boolean(),
      /** null: every event offered. */
      chosen: z.array(z.string()).nullable(),
    }),
  ),
});
export type MySubscriptions = z.infer<typeof mySubscriptionsSchema>;

const hourMinute = z.string().regex(HOUR_MINUTE, 'expected_time_of_day');

export const mySubscriptionsBody = z
  .object({
    email: emailSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    quiet_from: hourMinute.nullable().optional(),
    quiet_until: hourMinute.nullable().optional(),
    /** The whole set: channels left out are unsubscribed. */
    subscriptions: z
      .array(z.object({ channel: channelNameSchema, events: z.array(eventNameSchema).min(1).nullable() }).strict())
      .max(50)
      .optional(),
  })
  .strict();
export type MySubscriptionsBody = z.infer<typeof mySubscriptionsBody>;
