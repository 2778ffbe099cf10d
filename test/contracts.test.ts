/**
 * The contracts the web reads (src/core/contracts) describe what the server answers: the
 * checks here are of types, so `npm run typecheck` (which covers the tests) fails when a server
 * type drifts from its contract.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { RowError as ServerRowError } from '../src/shared/errors.ts';
import type { RowError } from '#core/contracts/imports.schema.ts';
import type { ImportReportBody } from '#core/contracts/imports.schema.ts';
import type { reportBody } from '../src/modules/imports/import-jobs.service.ts';

describe('contracts', () => {
  it('a rejected row is one shape on both sides', () => {
    expectTypeOf<ServerRowError>().toEqualTypeOf<RowError>();
  });

  it('the import report is what the route presents', () => {
    expectTypeOf<ReturnType<typeof reportBody>>().toEqualTypeOf<ImportReportBody>();
  });
});
