/**
 * The run's order, with the test that compares the statuses every suite observed against the
 * OpenAPI document (test/openapi-statuses.test.ts) started last, when the others have answered.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LAST = 'openapi-statuses.test.ts';

export class LastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => !f.moduleId.endsWith(LAST)), ...sorted.filter((f) => f.moduleId.endsWith(LAST))];
  }
}
