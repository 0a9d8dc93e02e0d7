/**
 * What a reader returns: the records as an async iterable, and what it learnt about the file
 * (encoding, delimiter, counts) in `info`, filled in while the records are read. A reading that
 * ends without throwing has read the whole file without faults; one that throws has thrown the
 * file's error report, and what was taken from it so far must be thrown away (the import's
 * transaction is rolled back), so nothing of a bad file is ever used.
 */

/** Records of a file, and what the reader learnt about it. */
export interface Reading<T, I> extends AsyncIterable<T> {
  readonly info: I;
  /** The same records in batches (about one per chunk of the file): one await per batch, not per record. */
  batches(): AsyncIterable<T[]>;
}

/** Wraps a generator of record batches as a Reading; it may be read once. */
export function reading<T, I>(info: I, generate: () => AsyncGenerator<T[]>): Reading<T, I> {
  let started = false;
  const start = (): AsyncGenerator<T[]> => {
    if (started) throw new Error('En inläsning kan bara läsas en gång.');
    started = true;
    return generate();
  };
  return {
    info,
    batches: () => ({ [Symbol.asyncIterator]: start }),
    async *[Symbol.asyncIterator]() {
      for await (const batch of start()) yield* batch;
    },
  };
}

/** The byte stream a reader takes: a Node Readable, or any async iterable of bytes. */
export type ByteSource = AsyncIterable<Uint8Array | string>;
