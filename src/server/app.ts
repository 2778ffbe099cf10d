/**
 * The HTTP application: every route module under /api/v1, one error handler, the OpenAPI
 * document generated from the same zod schemas at /api/openapi.json.
 *
 * @example
 *   const app = await buildApp(createContext(db));
 *   const res = await app.inject({ url: '/api/v1/health' });
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../modules/app-context.ts';
import { frameworkError, installErrorHandler } from './errors.ts';
import { documentErrors } from './openapi-errors.ts';
import { installStatusLog } from './status-log.ts';
import { installSecurityHeaders } from './security.ts';
import { serveWebApp } from './web.ts';
import { installRequestIds, newRequestId, REQUEST_ID_KEY, silentLogger } from './logging.ts';
import { trustProxyFromEnv, type TrustProxy } from './proxy.ts';
import { installClosingGuard } from './closing.ts';
import { installHttpMetrics, metricsRoutes, metricsTokenFromEnv } from './metrics.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { metaRoutes } from './meta.routes.ts';
import { publicRoutes } from '../modules/public/public.routes.ts';
import { importsRoutes } from '../modules/imports/imports.routes.ts';
import { areasRoutes } from '../modules/areas/areas.routes.ts';
import { unitsRoutes } from '../modules/units/units.routes.ts';
import { patrolsRoutes } from '../modules/units/patrols.routes.ts';
import { officersRoutes } from '../modules/officers/officers.routes.ts';
import { fundsRoutes } from '../modules/funds/funds.routes.ts';
import { overviewRoutes } from '../modules/overview/overview.routes.ts';
import { assessmentRoutes } from '../modules/assessment/assessment.routes.ts';
import { recordsRoutes } from '../modules/records/records.routes.ts';
import { accountsRoutes } from '../modules/accounts/accounts.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { notificationsRoutes } from '../modules/notifications/notifications.routes.ts';
import { receiptsRoutes } from '../modules/receipts/receipts.routes.ts';
import { todoRoutes } from '../modules/todo/todo.routes.ts';
import { tasksRoutes } from '../modules/supervision/tasks.routes.ts';
import { appealsRoutes } from '../modules/appeals/appeals.routes.ts';
import { leadersRoutes } from '../modules/supervision/leaders.routes.ts';
import { fiveProblemsRoutes } from '../modules/summary/five-problems.routes.ts';
import { summaryRoutes } from '../modules/summary/summary.routes.ts';
import { schemesRoutes } from '../modules/schemes/schemes.routes.ts';
import { subjectsRoutes } from '../modules/assessment/subjects.routes.ts';
import { rewardsRoutes } from '../modules/rewards/rewards.routes.ts';
import { qualityRoutes } from '../modules/quality/quality.routes.ts';
import { scheduleRoutes } from '../modules/schedule/schedule.routes.ts';
import { channelsRoutes } from '../modules/channels/channels.routes.ts';
import { mapsRoutes } from '../modules/maps/maps.routes.ts';
import { completenessRoutes } from '../modules/completeness/completeness.routes.ts';
import { workRoutes } from '../modules/work/work.routes.ts';
import { periodsRoutes } from '../modules/periods/periods.routes.ts';
import { searchRoutes } from '../modules/search/search.routes.ts';
import {
  accessOptionsFromEnv,
  documentAccess,
  installAccess,
  SECURITY_SCHEMES,
  type AccessOptions,
  type RouteEntry,
} from '../modules/accounts/access.hook.ts';
import type { Scope } from '../modules/accounts/scope.ts';
import type { ActiveSession } from '../modules/accounts/session.service.ts';

/** A route as registered: for the OpenAPI coverage test and the permission table. */
export interface RouteInfo {
  method: string;
  url: string;
  permission?: string;
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RouteInfo[];
  }
  interface FastifyContextConfig {
    /** What a caller must be allowed to do to use the route (one registry: see accounts). */
    permission?: string;
  }
  interface FastifyRequest {
    /** Who is acting, for the import log and the audit trail: `user:<username>`. */
    actor?: string;
    /** The signed-in account, on routes that need one. */
    session?: ActiveSession;
    /** Where the account reaches: null province-wide; set by the access hook on every route. */
    scope?: Scope | null;
  }
  interface FastifyInstance {
    /** Every route with its permission, as the access hook registered them. */
    routeCatalog: RouteEntry[];
  }
}

/** Every route module, mounted under /api/v1. */
export const ROUTE_MODULES = [
  healthRoutes,
  metaRoutes,
  publicRoutes,
  auditRoutes,
  overviewRoutes,
  assessmentRoutes,
  recordsRoutes,
  importsRoutes,
  areasRoutes,
  unitsRoutes,
  patrolsRoutes,
  officersRoutes,
  fundsRoutes,
  notificationsRoutes,
  receiptsRoutes,
  tasksRoutes,
  appealsRoutes,
  leadersRoutes,
  fiveProblemsRoutes,
  summaryRoutes,
  schemesRoutes,
  subjectsRoutes,
  rewardsRoutes,
  qualityRoutes,
  scheduleRoutes,
  channelsRoutes,
  mapsRoutes,
  completenessRoutes,
  workRoutes,
  periodsRoutes,
  searchRoutes,
  todoRoutes,
];

export interface AppOptions {
  /** The process's logger (createLogger); none: nothing is logged (tests, in-process uses). */
  logger?: FastifyBaseLogger;
  web?: boolean;
  /** Who may do what beyond the roles (public aggregates, admin TOTP); from the environment by default. */
  access?: AccessOptions;
  /** Which peers' X-Forwarded-* headers are believed (OUTPOST_TRUST_PROXY by default). */
  trustProxy?: TrustProxy;
  /** The bearer token that opens GET /metrics to a remote caller (OUTPOST_METRICS_TOKEN by default). */
  metricsToken?: string | null;
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger ?? (silentLogger() as FastifyBaseLogger),
    genReqId: newRequestId,
    logController: new LogController({ requestIdLogLabel: REQUEST_ID_KEY }),
    bodyLimit: 8 * 1024 * 1024,
    trustProxy: options.trustProxy ?? trustProxyFromEnv(),
    // A request arriving while the server closes is answered by the error handler, in the API's
    // own error shape with its request id, rather than by Fastify's bare 503.
    return503OnClosing: false,
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installRequestIds(app);
  installClosingGuard(app);
  installErrorHandler(app);
  installHttpMetrics(app);
  installStatusLog(app);
  installSecurityHeaders(app);
  const access = options.access ?? accessOptionsFromEnv();
  app.decorate('routeCatalog', await installAccess(app, ctx, access));
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat())
      if (method !== 'HEAD')
        routes.push({ method, url: r.url, permission: r.config?.permission, hidden: !!r.schema?.hide });
  });
  app.decorate('routeList', routes);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Outpost API',
        version: '1',
        description: 'Community and rural policing: registry, records, assessment.',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: documentAccess(documentErrors(jsonSchemaTransform), access),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(
    async (api) => {
      await api.register(accountsRoutes(ctx, access));
      for (const routes of ROUTE_MODULES) await api.register(routes(ctx));
    },
    { prefix: '/api/v1' },
  );
  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());
  await app.register(
    metricsRoutes({ token: options.metricsToken === undefined ? metricsTokenFromEnv() : options.metricsToken }),
  );
  if (options.web !== false) await serveWebApp(app);
  return app;
}
