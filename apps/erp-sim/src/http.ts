import type { IncomingMessage, ServerResponse } from 'node:http';

/** One simulator's share of the server: it answers the requests whose path starts with its prefix. */
export interface SimMount {
  prefix: string;
  /** Returns false when no route of the mount matched (the server then answers 404). */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> | boolean;
}

export function readBody(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
