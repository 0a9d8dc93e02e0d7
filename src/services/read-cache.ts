/**
 * Rendered representations (plan JSON, scorecards, documents) kept in memory by a key that names
 * their content exactly, least recently used first out once the bytes held pass a bound. Requests
 * that miss the same key at once share one build.
 */

export interface Representation {
  body: Buffer;
  contentType: string;
  /** A strong ETag: the same for the same bytes of this resource, different when they differ. */
  etag: string;
  /** Set for downloads (documents). */
  filename?: string;
}

/** The bound when STYRKORT_READ_CACHE_MB does not say: room for every demo plan's representations many times over. */
export const defaultCacheMegabytes = 32;

export class RepresentationCache {
  private readonly entries = new Map<string, Representation>();
  private readonly building = new Map<string, Promise<Representation>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The representation under `key`, built by `build` when it is not held (once, however many ask at once). */
  async get(key: string, build: () => Promise<Representation>): Promise<Representation> {
    const held = this.entries.get(key);
    if (held) {
      // A Map iterates in insertion order: moving the entry to the end marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, held);
      return held;
    }
    const pending = this.building.get(key);
    if (pending) return pending;
    const built = build().then(
      (representation) => {
        this.building.delete(key);
        this.store(key, representation);
        return representation;
      },
      (error: unknown) => {
        this.building.delete(key);
        throw error;
      },
    );
    this.building.set(key, built);
    return built;
  }

  /** Bytes held now. */
  get size(): number {
    return this.bytes;
  }

  private store(key: string, representation: Representation): void {
    const size = representation.body.length;
    if (size > this.maxBytes) return; // larger than the whole cache: served, not kept
    this.entries.set(key, representation);
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }
}

/** The bound in bytes from STYRKORT_READ_CACHE_MB (0 turns caching off), else the default. */
export function cacheBytesFromEnv(value = process.env.STYRKORT_READ_CACHE_MB): number {
  const megabytes = value === undefined || value.trim() === '' ? defaultCacheMegabytes : Number(value);
  return Number.isFinite(megabytes) && megabytes >= 0 ? megabytes * 1024 * 1024 : defaultCacheMegabytes * 1024 * 1024;
}
