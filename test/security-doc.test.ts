/**
 * docs/security.md lists every route with its permission, and every role's permissions, as the
 * registry has them. Regenerate with OUTPOST_WRITE_DOCS=1 npx vitest run test/security-doc.test.ts.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from './support/engines.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import {
  renderRoleTable,
  renderRouteTable,
  ROLES_BEGIN,
  ROLES_END,
  ROUTES_BEGIN,
  ROUTES_END,
  withSection,
} from '../src/modules/accounts/permissions.doc.ts';

const DOC = fileURLToPath(new URL('../docs/security.md', import.meta.url));

describe('docs/security.md', () => {
  it('lists every route and role as the registry has them', async () => {
    const db = await freshDatabase('sqlite');
    const app = await buildApp(createContext(db), {
      web: false,
      access: { publicAggregates: false, requireAdminTotp: false },
    });
    try {
      const current = fs.readFileSync(DOC, 'utf8');
      let wanted = withSection(current, ROLES_BEGIN, ROLES_END, renderRoleTable());
      wanted = withSection(wanted, ROUTES_BEGIN, ROUTES_END, renderRouteTable(app.routeCatalog));
      if (process.env.OUTPOST_WRITE_DOCS === '1') fs.writeFileSync(DOC, wanted);
      else
        expect(
          current,
          'docs/security.md is out of date: OUTPOST_WRITE_DOCS=1 npx vitest run test/security-doc.test.ts',
        ).toBe(wanted);
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('says in the OpenAPI document what each operation needs', async () => {
    const db = await freshDatabase('sqlite');
    const app = await buildApp(createContext(db), {
      web: false,
      access: { publicAggregates: false, requireAdminTotp: false },
    });
    try {
      const doc = (await app.inject({ url: '/api/openapi.json' })).json();
      expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'cookie']);
      for (const r of app.routeCatalog.filter((r) => !r.hidden)) {
        const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()];
        expect(op['x-permission'], `${r.method} ${r.url}`).toBe(r.permission);
        expect(op.security, `${r.method} ${r.url}`).toEqual(
          r.permission === 'public' ? [] : [{ bearer: [] }, { cookie: [] }],
        );
      }
    } finally {
      await app.close();
      await db.close();
    }
  });
});
