/** The bench reads wrk's report (bench/lib/wrk.ts): outputs of wrk 4.1.0 as Debian builds it. */
import { describe, expect, it } from 'vitest';
import { parseWrk } from '../../bench/lib/wrk.ts';

const answered = `Running 1s test @ http://127.0.0.1:23999/
  1 threads and 5 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.23ms    4.40ms  47.85ms   92.40%
    Req/Sec     6.33k     4.22k   12.11k    50.00%
  Latency Distribution
     50%  362.00us
     75%    2.70ms
     90%    5.67ms
     99%   24.12ms
  6347 requests in 1.01s, 768.58KB read
Requests/sec:   6267.69
Transfer/sec:    758.98KB
`;

const refused = `Running 1s test @ http://127.0.0.1:23999/bad
  1 threads and 5 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.40ms    2.04ms  13.69ms   85.74%
    Req/Sec     8.68k     2.83k   12.98k    60.00%
  Latency Distribution
     50%  234.00us
     75%    1.97ms
     90%    4.30ms
     99%    8.95ms
  8648 requests in 1.01s, 1.18MB read
  Non-2xx or 3xx responses: 8648
Requests/sec:   8560.10
Transfer/sec:      1.17MB
`;

describe('wrk report', () => {
  it('gives requests, seconds, the median and 99th percentile in ms, and bytes read', () => {
    expect(parseWrk(answered)).toEqual({ requests: 6347, seconds: 1.01, p50: 0.362, p99: 24.12, failures: 0, bytesRead: 768.58 * 1024 });
  });

  it('counts answers other than 2xx/3xx and socket errors as failures', () => {
    expect(parseWrk(refused)).toMatchObject({ requests: 8648, failures: 8648, p50: 0.234, p99: 8.95 });
    const withSocketErrors = answered.replace('Requests/sec', '  Socket errors: connect 0, read 3, write 1, timeout 2\nRequests/sec');
    expect(parseWrk(withSocketErrors).failures).toBe(6);
  });

  it('refuses output it cannot read, with what it got', () => {
    expect(() => parseWrk('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/wrk: oväntat svar:\nunable to connect/);
  });
});
