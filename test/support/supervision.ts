/**
 * Issued notifications, their tasks, leaders and evidence in a database, for tests that need
 * them to exist (the access matrix, the routes). Everything is done as the CLI would do it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/db/database.ts';
import { AssessmentService } from '../../src/modules/assessment/assessment.service.ts';
import { NotificationsService } from '../../src/modules/notifications/notifications.service.ts';
import { setLeader } from '../../src/modules/supervision/leaders.service.ts';
import { TasksService } from '../../src/modules/supervision/tasks.service.ts';
import type { AuditActor } from '../../src/modules/audit/audit.repository.ts';
import { insertAppeal, insertAppealEvidence } from '../../src/modules/appeals/appeals.repository.ts';

export const TEST_ACTOR: AuditActor = { actor: 'os:test', via: 'test', ip: null };

// Evidence of a PostgreSQL database goes to ./data/evidence by default: keep tests' files out of the tree.
process.env.OUTPOST_EVIDENCE_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-evidence-'));

export interface SupervisionFixture {
  /** Issued notice id by the area whose children it ranks. */
  notices: Record<string, number>;
  /** A task of an area in each named subtree. */
  tasks: Record<string, number>;
  /** An evidence file of that task. */
  evidence: Record<string, number>;
  /**
   * A pending appeal of each of those areas, with an evidence file (straight into the tables: the
   * notice is long out of time). Their ids are large, so that no other id of the fixture is one.
   */
  appeals: Record<string, number>;
  appealEvidence: Record<string, number>;
}

/**
 * Issues the June 2019 notification of each of `notify`, sets a leader for each of `within`, and
 * attaches a small evidence file to a task in each of `within`'s subtrees.
 */
export async function seedSupervision(db: Database, notify: string[], within: string[]): Promise<SupervisionFixture> {
  const notices = new NotificationsService(db, new AssessmentService(db.kysely));
  const tasks = new TasksService(db);
  const fixture: SupervisionFixture = { notices: {}, tasks: {}, evidence: {}, appeals: {}, appealEvidence: {} };
  for (const area of notify) {
    const issued = await notices.issue(TEST_ACTOR, { area, month: '2019-06', lang: 'zh', date: '2019-07-05' });
    fixture.notices[area] = Number(issued.entry.id);
  }
  for (const area of within) {
    await setLeader(db, TEST_ACTOR, null, area, { name: `Leader of ${area}`, title: 'deputy director', phone: null });
    const page = await tasks.list(null, { area, date: '2019-07-05', limit: 1, offset: 0 });
    const task = page.items[0];
    if (!task) throw new Error(`seedSupervision: no task in ${area}; notify its parent or itself`);
    fixture.tasks[area] = task.id;
    const detail = await tasks.attach(
      TEST_ACTOR,
      null,
      task.id,
      { name: 'photo.txt', bytes: Buffer.from(`evidence for ${area}`), content_type: 'text/plain' },
      '2019-07-05',
    );
    fixture.evidence[area] = detail.evidence[0].id;
    const n = Object.keys(fixture.appeals).length;
    fixture.appeals[area] = await insertAppeal(db.kysely, {
      id: 910001 + n,
      notification_id: task.notification.id,
      area_code: area,
      month: '2019-06',
      reason: 'the inspections were not all reported',
      status: 'pending',
      filed_at: '2019-07-06T02:00:00.000Z',
      filed_by: TEST_ACTOR.actor,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
      correction_id: null,
    });
    const file = await db.kysely
      .selectFrom('task_evidence')
      .selectAll()
      .where('id', '=', fixture.evidence[area])
      .executeTakeFirstOrThrow();
    fixture.appealEvidence[area] = await insertAppealEvidence(db.kysely, {
      id: 920001 + n,
      appeal_id: fixture.appeals[area],
      file_name: 'sheet.txt',
      path: file.path,
      sha256: file.sha256,
      size: file.size,
      content_type: 'text/plain',
      uploaded_at: file.uploaded_at,
      uploaded_by: TEST_ACTOR.actor,
    });
  }
  return fixture;
}
