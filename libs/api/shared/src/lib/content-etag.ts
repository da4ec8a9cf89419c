import { createHash } from 'node:crypto';

/**
 * A weak ETag naming an answer's data (not its envelope, whose timestamp and timing differ on every
 * request): instances that hold the same data give the same tag, so a client may revalidate on any.
 */
export function contentEtag(data: unknown): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(data) ?? '')
    .digest('base64url');
  return `W/"${digest.slice(0, 27)}"`;
}
