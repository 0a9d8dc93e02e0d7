/**
 * Many readers asking the same question at once get one answer each, from as few queries as can
 * be right: a caller that arrives while the query for its key runs waits for the next one, which
 * starts after it arrived. So every answer was read after its caller asked (a reader sees every
 * write that finished before it asked), and under load one query answers everyone who came in
 * while the previous one ran. A query starts on the next turn of the event loop (setImmediate),
 * so that the requests read from the network in this turn join it: PGlite answers within the
 * turn, and would otherwise run one query per request.
 */
export function coalesced<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  interface Waiter {
    resolve(value: V): void;
    reject(error: unknown): void;
  }
  interface Queue {
    running: boolean;
    waiting: Waiter[];
  }
  const queues = new Map<K, Queue>();
  const start = (key: K, queue: Queue) => {
    queue.running = true;
    setImmediate(() => void run(key, queue));
  };

  const run = async (key: K, queue: Queue): Promise<void> => {
    const batch = queue.waiting;
    queue.waiting = [];
    try {
      const value = await load(key);
      for (const waiter of batch) waiter.resolve(value);
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
    if (queue.waiting.length > 0) start(key, queue);
    else queues.delete(key);
  };

  return (key) =>
    new Promise<V>((resolve, reject) => {
      let queue = queues.get(key);
      if (!queue) {
        queue = { running: false, waiting: [] };
        queues.set(key, queue);
      }
      queue.waiting.push({ resolve, reject });
      if (!queue.running) start(key, queue);
    });
}
