/**
 * Where a test run keeps its temporary files. On this VM's ext4 a copy of the 41 MB empty template
 * took 0.5 CPU-s and on tmpfs 0.05; the suite without the browser files took 190 s on disk (one
 * run) and 122 and 147 s in memory (two). The tests run the same code; only the disk differs
 * (decision 0025).
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../../src/db/lock.ts';

const tmpfsMagic = 0x01021994;
const memoryDir = '/dev/shm';
/** A run writes up to ~0.5 GB there at once (measured); with less room left it stays on disk. */
const roomNeeded = 2 * 1024 ** 3;

function inMemory(dir: string): boolean {
  return existsSync(dir) && statfsSync(dir).type === tmpfsMagic;
}

/**
 * Points TMPDIR (this process's tmpdir(), and every worker's and command's it starts) at a new
 * directory in memory, when the machine has one with room and TMPDIR names no place already.
 * Returns what removes it again, or null.
 */
export function useMemoryForTemporaryFiles(): (() => void) | null {
  if (process.env.TMPDIR || !inMemory(memoryDir)) return null;
  removeLeftovers();
  const disk = statfsSync(memoryDir);
  if (disk.bavail * disk.bsize < roomNeeded) return null;
  const dir = mkdtempSync(join(memoryDir, `styrkort-test-${process.pid}-`));
  chmodSync(dir, 0o755); // the PostgreSQL server runs as its own user and keeps its cluster under it
  process.env.TMPDIR = dir;
  return () => {
    delete process.env.TMPDIR;
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * A run that was killed leaves its directory, holding memory until the machine restarts; the next
 * run removes it. One it may not remove (another user's) is left to its owner.
 */
function removeLeftovers(): void {
  for (const name of readdirSync(memoryDir)) {
    const pid = /^styrkort-test-(\d+)-/.exec(name)?.[1];
    if (!pid || isRunning(Number(pid))) continue;
    try {
      rmSync(join(memoryDir, name), { recursive: true, force: true });
    } catch {
      // not ours to remove
    }
  }
}

/** Whether tmpdir() is in memory, where copying a data directory costs next to nothing. */
export function temporaryFilesInMemory(): boolean {
  return inMemory(tmpdir());
}
