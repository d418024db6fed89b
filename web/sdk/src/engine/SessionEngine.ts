import { defaults } from '../defaults';
import { OTError } from '../errors';
import { log } from '../logging';
import { SignalingClient } from '../transport/SignalingClient';
import type { MediaMessage, ServerMessages, SessionSnapshot } from '../transport/protocol';

export type EngineState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

export interface EngineHandlers {
  /** A server message other than `media` (media goes to the registered leg ends). */
  onMessage<K extends keyof ServerMessages>(name: K, message: ServerMessages[K]): void;
  onReconnecting(): void;
  onReconnected(snapshot: SessionSnapshot): void;
  /** The socket is gone for good (Resume refused or the grace period ran out). */
  onLost(reason: string): void;
}

type MediaEnd = (message: MediaMessage) => void;

/**
 * Joins the signaling transport and the media legs for one session: Connect/Resume, a basic reconnect loop
 * (backoff within the server's grace period), message queueing while a Connect/Resume is in flight, and
 * routing of relayed SDP/ICE to the leg it belongs to. Public objects never see wire messages.
 * @internal
 */
export class SessionEngine {
  private readonly client: SignalingClient;
  private stateValue: EngineState = 'disconnected';
  private snapshot: SessionSnapshot | undefined;
  private queue: [keyof ServerMessages, unknown][] | undefined;
  private readonly ends = new Map<string, MediaEnd>();
  private readonly pendingMedia = new Map<string, MediaMessage[]>();

  constructor(hubUrl: string, private readonly sessionId: string, private readonly handlers: EngineHandlers) {
    this.client = new SignalingClient(hubUrl, (name, message) => this.receive(name, message), () => void this.reconnect());
  }

  get state(): EngineState {
    return this.stateValue;
  }

  get connectionId(): string | undefined {
    return this.snapshot?.connection.connectionId;
  }

  get settings(): SessionSnapshot['settings'] | undefined {
    return this.snapshot?.settings;
  }

  get iceServers(): RTCIceServer[] {
    return (this.snapshot?.iceServers ?? []).map((s) => ({ urls: s.urls, ...(s.username !== undefined ? { username: s.username } : {}), ...(s.credential !== undefined ? { credential: s.credential } : {}) }));
  }

  /** Opens the socket and joins; messages that arrive meanwhile wait for releaseQueued(). */
  async connect(apiKey: string, token: string): Promise<SessionSnapshot> {
    if (this.stateValue !== 'disconnected') throw new OTError(1011, 'This session is already connected or connecting');
    this.stateValue = 'connecting';
    this.queue = [];
    try {
      await this.client.start();
      const snapshot = await withTimeout(this.client.invoke<SessionSnapshot>('Connect', { apiKey, sessionId: this.sessionId, token }), defaults.connectTimeoutMs, 1006);
      this.snapshot = snapshot;
      this.client.setHeartbeat(snapshot.settings?.keepAliveMs, snapshot.settings?.serverTimeoutMs);
      this.stateValue = 'connected';
      return snapshot;
    } catch (err) {
      this.stateValue = 'disconnected';
      this.queue = undefined;
      await this.client.stop();
      throw err;
    }
  }

  /** Dispatches messages held back during Connect/Resume, in order. */
  releaseQueued(): void {
    const queued = this.queue ?? [];
    this.queue = undefined;
    for (const [name, message] of queued) this.deliver(name, message as never);
  }

  invoke<T = undefined>(method: string, ...args: unknown[]): Promise<T> {
    if (this.stateValue !== 'connected') return Promise.reject(new OTError(1010, 'Not connected to the session'));
    return this.client.invoke<T>(method, ...args);
  }

  /** Sends a media message for a subscription (fire-and-forget; failures are logged). */
  sendMedia(subscriptionId: string, message: Omit<MediaMessage, 'subscriptionId'>): void {
    if (this.stateValue !== 'connected') return;
    this.client.send('SendMedia', { subscriptionId, ...message });
  }

  /** Routes relayed media messages of a subscription end to `end` (`from` tells which end sent them). */
  registerEnd(subscriptionId: string, side: 'publisher' | 'subscriber', end: MediaEnd): void {
    const key = `${subscriptionId}|${side}`;
    this.ends.set(key, end);
    const pending = this.pendingMedia.get(key);
    this.pendingMedia.delete(key);
    pending?.forEach(end);
  }

  unregisterEnd(subscriptionId: string, side: 'publisher' | 'subscriber'): void {
    this.ends.delete(`${subscriptionId}|${side}`);
    this.pendingMedia.delete(`${subscriptionId}|${side}`);
  }

  async disconnect(): Promise<void> {
    const wasConnected = this.stateValue === 'connected';
    this.stateValue = 'disconnected';
    if (wasConnected) await this.client.invoke('Disconnect').catch((err) => log.debug('Disconnect', err));
    await this.client.stop();
    this.reset();
  }

  /** The page is going away: send Disconnect without waiting for its reply (there is no later) and stop resuming. */
  leaveNow(): void {
    if (this.stateValue !== 'connected') return;
    this.stateValue = 'disconnected';
    this.client.sendNow('Disconnect');
  }

  /** The server ended this connection (forceDisconnected): no Resume. */
  async closeAfterServerDisconnect(): Promise<void> {
    this.stateValue = 'disconnected';
    await this.client.stop();
    this.reset();
  }

  private reset(): void {
    this.snapshot = undefined;
    this.queue = undefined;
    this.ends.clear();
    this.pendingMedia.clear();
  }

  private receive<K extends keyof ServerMessages>(name: K, message: ServerMessages[K]): void {
    if (this.queue) this.queue.push([name, message]);
    else this.deliver(name, message);
  }

  private deliver<K extends keyof ServerMessages>(name: K, message: ServerMessages[K]): void {
    if (name === 'media') {
      const m = message as MediaMessage;
      // A message from the publisher end goes to our subscriber end, and vice versa (self-subscriptions too).
      const key = `${m.subscriptionId}|${m.from === 'publisher' ? 'subscriber' : 'publisher'}`;
      const end = this.ends.get(key);
      if (end) end(m);
      else {
        const list = this.pendingMedia.get(key) ?? [];
        list.push(m);
        this.pendingMedia.set(key, list);
      }
      return;
    }
    if (name === 'subscriptionRemoved') {
      const id = (message as ServerMessages['subscriptionRemoved']).subscriptionId;
      this.pendingMedia.delete(`${id}|publisher`);
      this.pendingMedia.delete(`${id}|subscriber`);
    }
    this.handlers.onMessage(name, message);
  }

  /** The socket dropped: Resume on a new socket with backoff until the grace period is over. */
  private async reconnect(): Promise<void> {
    const snapshot = this.snapshot;
    if (this.stateValue !== 'connected' || !snapshot) return;
    this.stateValue = 'reconnecting';
    this.handlers.onReconnecting();
    const deadline = Date.now() + (snapshot.settings?.reconnectGraceMs ?? defaults.reconnectGraceMs);
    let delay: number = defaults.reconnectFirstDelayMs;
    while (this.stateValue === 'reconnecting' && Date.now() < deadline) {
      await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
      delay = Math.min(delay * 2, defaults.reconnectMaxDelayMs);
      if (this.stateValue !== 'reconnecting') return;
      try {
        this.queue = [];
        await this.client.start();
        const fresh = await withTimeout(
          this.client.invoke<SessionSnapshot>('Resume', { sessionId: this.sessionId, connectionId: snapshot.connection.connectionId, resumeSecret: snapshot.resumeSecret }),
          defaults.connectTimeoutMs,
          1006,
        );
        if (this.stateValue !== 'reconnecting') return;
        this.snapshot = { ...fresh, resumeSecret: fresh.resumeSecret || snapshot.resumeSecret };
        this.stateValue = 'connected';
        this.handlers.onReconnected(this.snapshot);
        this.releaseQueued();
        return;
      } catch (err) {
        this.queue = undefined;
        await this.client.stop();
        if (err instanceof OTError && err.code === 1004) break;
        log.debug('Resume attempt failed', err);
      }
    }
    if (this.stateValue !== 'reconnecting') return;
    this.stateValue = 'disconnected';
    this.reset();
    this.handlers.onLost('networkDisconnected');
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number, code: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new OTError(code, `No answer from the server within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
