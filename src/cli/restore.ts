/** `styrkort restore FILE [--force]`: the database replaced by a backup, in one transaction. */
import { restoreFromFile } from '../services/backup-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function restoreCommand(file: string, options: GlobalOptions & { force?: boolean }): Promise<void> {
  const summary = await withDatabase(options, 'styrkort restore', (database) => restoreFromFile(database, file, { force: options.force }));
  const migrated = summary.migratedTo > summary.schema.migrations ? `, uppgraderad från schemaversion ${summary.schema.migrations} till ${summary.migratedTo}` : '';
  console.log(`Återställd från ${file}: ${summary.rows} rader${migrated}`);
}
