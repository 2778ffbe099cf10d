/**
 * The HTTP application: every route module under /api/v1, one error handler, the OpenAPI
 * document generated from the same zod schemas at /api/openapi.json.
 *
 * @example
 *   const app = await buildApp(createContext(db));
 *   const res = await app.inject({ url: '/api/v1/health' });
 */
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { installErrorHandler } from './errors.ts';
import { serveWebApp } from './web.ts';
import { healthRoutes } from './health.routes.ts';
import { areasRoutes } from '../modules/areas/areas.routes.ts';
import { unitsRoutes } from '../modules/units/units.routes.ts';
import { patrolsRoutes } from '../modules/units/patrols.routes.ts';
import { officersRoutes } from '../modules/officers/officers.routes.ts';
import { fundsRoutes } from '../modules/funds/funds.routes.ts';
import { overviewRoutes } from '../modules/overview/overview.routes.ts';
import { assessmentRoutes } from '../modules/assessment/assessment.routes.ts';
import { recordsRoutes } from '../modules/records/records.routes.ts';

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
    /** Who is acting, for the import log and the audit trail. */
    actor?: string;
  }
}

/** Every route module, mounted under /api/v1. */
export const ROUTE_MODULES = [
  healthRoutes,
  overviewRoutes,
  assessmentRoutes,
  recordsRoutes,
  areasRoutes,
  unitsRoutes,
  patrolsRoutes,
  officersRoutes,
  fundsRoutes,
];

export async function buildApp(ctx: AppContext, options: { logger?: boolean; web?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 8 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url, permission: r.config?.permission, hidden: !!r.schema?.hide });
  });
  app.decorate('routeList', routes);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Outpost API', version: '1', description: 'Community and rural policing: registry, records, assessment.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(
    async (api) => {
      for (const routes of ROUTE_MODULES) await api.register(routes(ctx));
    },
    { prefix: '/api/v1' },
  );
  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());
  if (options.web !== false) await serveWebApp(app);
  return app;
}
