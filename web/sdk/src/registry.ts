import { Collection } from './Collection';
import type { Publisher } from './Publisher';
import type { Session } from './Session';
import type { Subscriber } from './Subscriber';

/** `OT.sessions`, `OT.publishers`, `OT.subscribers`. */
export const sessions = new Collection<Session>((s) => s.sessionId);
export const publishers = new Collection<Publisher>((p) => p.guid);
export const subscribers = new Collection<Subscriber>((s) => s.guid);
