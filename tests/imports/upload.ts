/** Sending a file to an import endpoint as the web page does: the raw bytes, the name in X-File-Name. */
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from '../api/harness.ts';

export function upload(client: Client, url: string, bytes: Buffer | string, fileName = 'fil.csv', headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return client.request({
    method: 'POST',
    url,
    payload: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName), ...headers },
  });
}
