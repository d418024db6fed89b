// Credentials for a room from the Duet server: GET {server}/api/rooms/{name} → { apiKey, sessionId, token }.
import type { Credentials } from '../config';

export class RoomApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export async function fetchRoomCredentials(server: string, room: string): Promise<Credentials> {
  let response: Response;
  try {
    response = await fetch(`${server}/api/rooms/${encodeURIComponent(room)}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch (error) {
    throw new RoomApiError(error instanceof Error ? error.message : String(error), 0);
  }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`.trim();
    try {
      const body = (await response.json()) as { detail?: string; title?: string; message?: string; error?: string };
      detail = body.detail ?? body.message ?? body.error ?? body.title ?? detail;
    } catch {
      // not JSON: keep the status line
    }
    throw new RoomApiError(detail, response.status);
  }
  const body = (await response.json()) as Partial<Record<keyof Credentials, unknown>>;
  if (body.apiKey === undefined || typeof body.sessionId !== 'string' || typeof body.token !== 'string') {
    throw new RoomApiError('The server answered without credentials', response.status);
  }
  return { apiKey: String(body.apiKey), sessionId: body.sessionId, token: body.token };
}
