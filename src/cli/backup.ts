/** `styrkort backup --out FILE`: a consistent copy of the whole database in one file. */
import { backupToFile } from '../services/backup-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function backupCommand(options: GlobalOptions & { out: string }): Promise<void> {
  const summary = await withDatabase(options, 'styrkort backup', (database) => backupToFile(database, options.out));
  console.log(`Säkerhetskopia: ${summary.file} (${summary.tables} tabeller, ${summary.rows} rader, schemaversion ${summary.schema.migrations}, ${Math.ceil(summary.bytes / 1024)} kB)`);
}
