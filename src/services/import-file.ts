/**
 * A file on its way into an import: its bytes counted and hashed (sha-256) as they stream past,
 * so the import knows the file's checksum without holding it, and progress reported by bytes.
 */
import { createHash } from 'node:crypto';
import { StyrkortError } from '../domain/errors.ts';
import type { ByteSource } from '../imports/reading.ts';
import { ProblemCollector } from '../imports/report.ts';
import { encodingChoice, unknownEncodingReason, type EncodingChoice } from '../imports/text/decode.ts';

export interface TappedFile {
  /** The same bytes, to give to a reader. */
  source: AsyncIterable<Uint8Array>;
  /** Bytes read so far. */
  bytes(): number;
  /** The sha-256 of the whole file, hex; only once it has been read to the end. */
  checksum(): string;
}

/** Wraps a byte source; `maxBytes` stops a file that is larger (the report names the limit). */
export function tapFile(source: ByteSource, options: { maxBytes?: number; onBytes?: (bytes: number) => void } = {}): TappedFile {
  const hash = createHash('sha256');
  let bytes = 0;
  let digest: string | null = null;
  async function* pass(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      bytes += buffer.byteLength;
      if (options.maxBytes !== undefined && bytes > options.maxBytes) {
        throw new StyrkortError('validation', `Filen är större än ${Math.round(options.maxBytes / 1e6)} MB, det mesta en import tar emot. Ingenting har lästs in.`);
      }
      hash.update(buffer);
      options.onBytes?.(bytes);
      yield buffer;
    }
    digest = hash.digest('hex');
  }
  return {
    source: pass(),
    bytes: () => bytes,
    checksum: () => {
      if (digest === null) throw new Error('Filen är inte läst till slutet');
      return digest;
    },
  };
}

/** A file name as recorded: the last part of a path, at most 200 characters. */
export function recordedFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return (base === '' ? 'namnlös fil' : base).slice(0, 200);
}

/** A named encoding (utf8, pc8, ansi …); an unknown name stops the import with the report, before anything is read. */
export function namedEncoding(name: string | undefined): EncodingChoice | undefined {
  if (name === undefined || name.trim() === '') return undefined;
  const choice = encodingChoice(name);
  if (choice === null) return new ProblemCollector('Filen').fail({ line: null, column: 'teckenkodning', value: name, reason: unknownEncodingReason(name) });
  return choice;
}
