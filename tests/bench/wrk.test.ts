/** The bench reads wrk's report (bench/lib/wrk.ts): an output of wrk 4.1.0 as Debian builds it. */
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

// wrk prints this line before the rates when answers were not 2xx or 3xx (seen with a server answering 500).
const refused = answered.replace('Requests/sec', '  Non-2xx or 3xx responses: 6347\nRequests/sec');

describe('wrk report', () => {
  it('gives requests, seconds, the median and 99th percentile in ms, and bytes read', () => {
    expect(parseWrk(answered)).toEqual({ requests: 6347, seconds: 1.01, p50: 0.362, p99: 24.12, failures: 0, bytesRead: 768.58 * 1024 });
  });

  it('counts answers other than 2xx/3xx and socket errors as failures', () => {
    expect(parseWrk(refused)).toMatchObject({ requests: 6347, failures: 6347 });
    const withSocketErrors = answered.replace('Requests/sec', '  Socket errors: connect 0, read 3, write 1, timeout 2\nRequests/sec');
    expect(parseWrk(withSocketErrors).failures).toBe(6);
  });

  it('refuses output it cannot read, with what it got', () => {
    expect(() => parseWrk('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/wrk: oväntat svar:\nunable to connect/);
  });
});
