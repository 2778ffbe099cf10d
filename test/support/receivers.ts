/**
 * Real receivers on loopback for the channels' tests: one HTTP server that answers as the WeCom
 * and DingTalk group robots, a `json` webhook and an SMS gateway do, checking each request as the
 * robot's documentation describes it, and an SMTP server (smtp-server) whose messages are parsed
 * with mailparser. Each receiver can be told to refuse the next requests (HTTP 500, or HTTP 200
 * with a non-zero errcode as the robots do).
 *
 * WeCom: POST /cgi-bin/webhook/send?key=KEY, JSON {"msgtype":"markdown","markdown":{"content"}}
 * (content at most 4,096 bytes) or {"msgtype":"text","text":{"content"}}.
 * DingTalk: POST /robot/send?access_token=T&timestamp=MS&sign=S, S = base64(HMAC-SHA256(secret,
 * MS + "\n" + secret)) and MS within an hour of now; JSON {"msgtype":"markdown","markdown":{"title","text"}}.
 */
import http from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface Received {
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** What the receiver answered. */
  status: number;
  answer: unknown;
}

export interface Refusal {
  status?: number;
  errcode?: number;
  errmsg?: string;
}

export const WECOM_KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
export const DINGTALK_TOKEN = 'c2f1b2e7d0a94f36aeb8ddf0e4b8a6c1';
export const DINGTALK_SECRET = 'SECf2b8a6c1d0a94f36aeb8ddf0e4b8a6c1c2f1b2e7d0a94f36aeb8ddf0e4b8a6';

export class Robots {
  readonly received: Received[] = [];
  /** Refusals to answer next, per path (`/cgi-bin/webhook/send`, `/robot/send`, `/hook`, `/sms`). */
  readonly refuse = new Map<string, Refusal[]>();
  private server?: http.Server;
  base = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  get wecomUrl(): string {
    return `${this.base}/cgi-bin/webhook/send?key=${WECOM_KEY}`;
  }

  get dingtalkUrl(): string {
    return `${this.base}/robot/send?access_token=${DINGTALK_TOKEN}`;
  }

  on(path: string): Received[] {
    return this.received.filter(
      (r) => r.path === path && r.status === 200 && (r.answer as { errcode?: number }).errcode === 0,
    );
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', this.base);
    let body: Record<string, unknown> = {};
    let problem: string | null = null;
    if (req.method !== 'POST') problem = `method ${req.method}`;
    else if (!String(req.headers['content-type']).startsWith('application/json'))
      problem = `content-type ${req.headers['content-type']}`;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      problem ??= 'the body is not JSON';
    }
    problem ??= check(url, body);
    const refusal = this.refuse.get(url.pathname)?.shift();
    let status = 200;
    let answer: unknown;
    if (problem) answer = { errcode: 40000, errmsg: problem };
    else if (refusal?.status) {
      status = refusal.status;
      answer = { error: 'refused' };
    } else if (refusal) answer = { errcode: refusal.errcode ?? 1, errmsg: refusal.errmsg ?? 'refused' };
    else answer = { errcode: 0, errmsg: 'ok' };
    this.received.push({ path: url.pathname, query: url.searchParams, body, status, answer });
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }
}

/** What the receiver finds wrong with a request, as the robot's documentation describes it; null when nothing. */
function check(url: URL, body: Record<string, unknown>): string | null {
  const q = url.searchParams;
  if (url.pathname === '/cgi-bin/webhook/send') {
    if (q.get('key') !== WECOM_KEY) return 'invalid webhook url (key)';
    if (body.msgtype === 'markdown') {
      const content = (body.markdown as { content?: unknown } | undefined)?.content;
      if (typeof content !== 'string' || !content) return 'markdown.content missing';
      if (Buffer.byteLength(content, 'utf8') > 4096) return 'markdown.content exceeds 4096 bytes';
      return null;
    }
    if (body.msgtype === 'text')
      return typeof (body.text as { content?: unknown })?.content === 'string' ? null : 'text.content missing';
    return `msgtype ${String(body.msgtype)}`;
  }
  if (url.pathname === '/robot/send') {
    if (q.get('access_token') !== DINGTALK_TOKEN) return 'token is not exist';
    const timestamp = Number(q.get('timestamp'));
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() - timestamp) > 3_600_000) return 'invalid timestamp';
    const want = createHmac('sha256', DINGTALK_SECRET).update(`${timestamp}\n${DINGTALK_SECRET}`).digest('base64');
    if (q.get('sign') !== want) return 'sign not match';
    if (body.msgtype !== 'markdown') return `msgtype ${String(body.msgtype)}`;
    const md = body.markdown as { title?: unknown; text?: unknown } | undefined;
    if (typeof md?.title !== 'string' || !md.title || typeof md.text !== 'string' || !md.text)
      return 'markdown title or text missing';
    return null;
  }
  if (url.pathname === '/hook') {
    for (const key of ['event', 'area', 'month', 'id']) if (!(key in body)) return `${key} missing`;
    return typeof body.id === 'string' && body.id ? null : 'id is not a string';
  }
  if (url.pathname === '/sms') {
    if (!Array.isArray(body.to) || body.to.length === 0) return 'to missing';
    return typeof body.text === 'string' && body.text ? null : 'text missing';
  }
  return `no such path ${url.pathname}`;
}

/** An SMTP server on loopback that needs a password, keeping every message it accepts, parsed. */
export class MailCatcher {
  readonly messages: ParsedMail[] = [];
  readonly logins: string[] = [];
  private server?: SMTPServer;
  port = 0;

  constructor(
    readonly user = 'outpost',
    readonly password = 'smtp-pass-8841',
  ) {}

  url(password = this.password): string {
    return `smtp://${this.user}:${encodeURIComponent(password)}@127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth: (auth, _session, done) => {
        if (auth.username === this.user && auth.password === this.password) {
          this.logins.push(auth.username ?? '');
          return done(null, { user: auth.username });
        }
        return done(new Error('Invalid username or password'));
      },
      onData: (stream, _session, done) => {
        simpleParser(stream).then(
          (mail) => {
            this.messages.push(mail);
            done();
          },
          (e: Error) => done(e),
        );
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
