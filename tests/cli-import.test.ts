/**
 * `styrkort import --replace` as a user runs it: it replaces a draft in the version it reads (and
 * says so) or only in the version given with --if-match, and `--restore-audit ID` puts back the
 * plan file the audit trail kept (issue 10, defects 2 and 9).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connection.ts';
import { findAuditEvents } from '../src/services/audit-service.ts';
import { cli } from './helpers/cli.ts';
import { aPlan } from './helpers/plan-builder.ts';

const root = mkdtempSync(join(tmpdir(), 'styrkort-cli-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('styrkort import --replace and --restore-audit', () => {
  it('replaces a draft in the version it reads or is given, and restores the replaced file from the audit trail', async () => {
    const data = join(root, 'data');
    const original = join(root, 'plan.json');
    const revised = join(root, 'plan-reviderad.json');
    writeFileSync(original, JSON.stringify(aPlan()));
    writeFileSync(revised, JSON.stringify(aPlan({ plan: { title: 'Verksamhetsplan 2020-2022, reviderad' } })));

    expect(await cli(['import', original, '--data', data])).toMatchObject({ status: 0, stdout: expect.stringContaining('version 1') });
    const stale = await cli(['import', revised, '--replace', '--if-match', '7', '--data', data]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('din version 7, nuvarande 1');
    const replaced = await cli(['import', revised, '--replace', '--data', data]);
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toContain('Ersätter test-plan-2020-2022 i den version som finns nu (1)');
    expect(replaced.stdout).toContain('Ersatt: test-plan-2020-2022, version 2');

    const database = await openDatabase({ dataDir: data });
    const [event] = await findAuditEvents(database.db, { planKey: 'test-plan-2020-2022', entityType: 'plan', limit: 1, offset: 0 });
    await database.close();
    expect(event).toMatchObject({ action: 'replace', before: { plan: { title: 'Verksamhetsplan 2020-2022' } } });
    const restored = await cli(['import', '--restore-audit', String(event!.id), '--if-match', '2', '--data', data]);
    expect(restored).toMatchObject({ status: 0, stdout: `Återställd ur händelse ${event!.id}: test-plan-2020-2022, version 3\n` });
    const exported = await cli(['export', 'test-plan-2020-2022', '--format', 'json', '--data', data]);
    expect(JSON.parse(exported.stdout).plan.title).toBe('Verksamhetsplan 2020-2022');
  });
});
