import { hash } from 'node:crypto';

/**
 * A weak ETag naming an answer's data, given as its JSON text (not its envelope, whose timestamp and timing differ on every
 * request): instances that hold the same data give the same tag, so a client may revalidate on any.
 * The one-shot `hash` spares every GET a Hash object.
 */
export function jsonEtag(json: string): string {
  const digest = hash('sha256', json, 'base64url');
  return `W/"${digest.slice(0, 27)}"`;
}
