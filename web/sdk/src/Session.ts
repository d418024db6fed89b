import { Collection } from './Collection';
import { properties } from './config';
import { Connection } from './Connection';
import { defaults } from './defaults';
import { SessionEngine } from './engine/SessionEngine';
import { OTError } from './errors';
import { EventDispatcher } from './events/EventDispatcher';
import { globalEvents } from './events/exceptions';
import { makeEvent, type OTEvent } from './events/OTEvent';
import { log } from './logging';
import { rtcConfiguration, validateSignal, type IceConfigOption } from './options';
import { promised, withPromise, type WithPromise } from './promiseForm';
import { Publisher, type PublisherProperties } from './Publisher';
import { Stream } from './Stream';
import { Subscriber, type SubscriberProperties } from './Subscriber';
import type { Capabilities, ServerMessages, SessionSnapshot, StreamInfo, SubscriptionInfo } from './transport/protocol';

export interface SessionOptions {
  connectionEventsSuppressed?: boolean;
  iceConfig?: IceConfigOption;
  /** Duet: the server to talk to (default: the origin the SDK script came from, OT.properties.apiUrl). */
  apiUrl?: string;
  [key: string]: unknown;
}

export type SessionCapabilities = Capabilities & { permittedTo(action: string): boolean };

export type SessionEvents = {
  sessionConnected: OTEvent & { connections: Connection[]; streams: Stream[] };
  sessionDisconnected: OTEvent & { reason: string };
  sessionReconnecting: OTEvent;
  sessionReconnected: OTEvent;
  connectionCreated: OTEvent & { connection: Connection; connections: Connection[] };
  connectionDestroyed: OTEvent & { connection: Connection; connections: Connection[]; reason: string };
  streamCreated: OTEvent & { stream: Stream; streams: Stream[] };
  streamDestroyed: OTEvent & { stream: Stream; streams: Stream[]; reason: string };
  streamPropertyChanged: OTEvent & { stream: Stream; changedProperty: string; oldValue: unknown; newValue: unknown };
  signal: OTEvent & { data: string; from: Connection | null };
  muteForced: OTEvent & { active: boolean };
  archiveStarted: OTEvent & { id: string; name: string };
  archiveStopped: OTEvent & { id: string; name: string };
};

type Callback = (error?: OTError) => void;

type ConnectMethod<S> = WithPromise<(tokenOrApiKey: string, tokenOrCallback?: string | Callback, callback?: Callback) => S, (tokenOrApiKey: string, token?: string) => Promise<void>>;

/** One OpenTok session: connect, publish/subscribe, signals, moderation, and the session events. */
export class Session extends EventDispatcher<SessionEvents> {
  readonly sessionId: string;
  readonly id: string;
  apiKey: string;
  connection: Connection | undefined;
  capabilities: SessionCapabilities | undefined;
  readonly connections = new Collection<Connection>((c) => c.connectionId);
  readonly streams = new Collection<Stream>((s) => s.streamId);
  /**
   * `connect(token, cb)` (or the legacy `connect(apiKey, token, cb)`); cb() after sessionConnected, cb(error) on failure.
   * `connect.promise(token)` is OpenTok's promise form: it resolves after sessionConnected and rejects with the error.
   */
  readonly connect: ConnectMethod<this>;

  private readonly options: SessionOptions;
  private iceConfig: IceConfigOption | undefined;
  private engine: SessionEngine | undefined;
  private readonly ownPublishers = new Map<string, Publisher>();
  private readonly subscriptions = new Map<string, Subscriber>();
  private readonly pendingSignals: (() => void)[] = [];
  /** After a server restart: remote connections/streams we still expect back, and when we stop waiting. */
  private restoring: { connections: Set<string>; streams: Set<string>; timer: ReturnType<typeof setTimeout> } | undefined;
  private readonly onPageHide = (): void => {
    // A closing tab leaves explicitly, so the others learn within a second instead of after the grace period.
    if (this.engine?.state === 'connected') this.engine.leaveNow();
  };

  /** @internal Use OT.initSession. */
  constructor(apiKey: string, sessionId: string, options: SessionOptions = {}) {
    super();
    this.apiKey = apiKey;
    this.sessionId = sessionId;
    this.id = sessionId;
    this.options = options;
    this.iceConfig = options.iceConfig;
    // Per session, so that a detached `session.connect.promise` still belongs to this session.
    this.connect = withPromise(
      (tokenOrApiKey: string, tokenOrCallback?: string | Callback, callback?: Callback) => this.connectWithCallback(tokenOrApiKey, tokenOrCallback, callback),
      (tokenOrApiKey: string, token?: string) => promised((done) => (token === undefined ? this.connect(tokenOrApiKey, done) : this.connect(tokenOrApiKey, token, done))),
    );
  }

  isConnected(): boolean {
    return this.engine?.state === 'connected' || this.engine?.state === 'reconnecting';
  }

  private connectWithCallback(tokenOrApiKey: string, tokenOrCallback?: string | Callback, callback?: Callback): this {
    let token: unknown = tokenOrApiKey;
    let done = typeof tokenOrCallback === 'function' ? tokenOrCallback : callback;
    if (typeof tokenOrCallback === 'string') {
      this.apiKey = String(tokenOrApiKey);
      token = tokenOrCallback;
      done = callback;
    }
    this.doConnect(token).then(
      (catchUp) => {
        safeCall(done);
        catchUp();
      },
      (err: unknown) => this.fail(toOTError(err), done),
    );
    return this;
  }

  /** Leaves the session; resolves once sessionDisconnected was dispatched. */
  disconnect(): Promise<void> {
    const engine = this.engine;
    if (!engine || engine.state === 'disconnected') {
      log.warn('session.disconnect: not connected');
      return Promise.resolve();
    }
    const closing = engine.disconnect();
    this.teardown('clientDisconnected');
    return closing;
  }

  /** Publishes a Publisher (or creates one from target/properties). The callback runs with publisher.streamId set. */
  publish(publisherOrTarget?: Publisher | unknown, propertiesOrCallback?: PublisherProperties | Callback, callback?: Callback): Publisher {
    let publisher: Publisher;
    let done: Callback | undefined;
    if (publisherOrTarget instanceof Publisher) {
      publisher = publisherOrTarget;
      done = typeof propertiesOrCallback === 'function' ? propertiesOrCallback : callback;
    } else {
      done = typeof propertiesOrCallback === 'function' ? propertiesOrCallback : callback;
      publisher = new Publisher(publisherOrTarget, typeof propertiesOrCallback === 'object' ? propertiesOrCallback : undefined, undefined);
    }
    if (!this.isConnected()) {
      this.fail(new OTError(1010, 'You must connect before you can publish'), done);
      return publisher;
    }
    this.doPublish(publisher).then(
      () => safeCall(done),
      (err: unknown) => this.fail(toOTError(err), done),
    );
    return publisher;
  }

  unpublish(publisher: Publisher): void {
    const streamId = publisher.streamId;
    if (!streamId || !this.ownPublishers.has(streamId)) return;
    this.engine?.invoke('Unpublish', streamId).catch((err) => log.debug('Unpublish', err));
    this.ownStreamEnded(streamId, 'unpublished');
  }

  /** Subscribes to a stream; the callback runs once media connects (or with 1501/1554 when it cannot). */
  subscribe(stream: Stream, target?: unknown, propertiesOrCallback?: SubscriberProperties | Callback, callback?: Callback): Subscriber {
    let props: SubscriberProperties = {};
    let done = callback;
    if (typeof target === 'function') {
      done = target as Callback;
      target = undefined;
    } else if (typeof propertiesOrCallback === 'function') {
      done = propertiesOrCallback;
    } else if (propertiesOrCallback) {
      props = propertiesOrCallback;
    }
    if (!this.isConnected()) {
      const error = new OTError(1010, 'You must connect before you can subscribe');
      globalEvents.reportException(error, this);
      throw error;
    }
    if (!stream || typeof stream.streamId !== 'string' || !this.streams.has(stream.streamId)) {
      const error = new OTError(1011, 'subscribe needs a stream of this session');
      globalEvents.reportException(error, this);
      throw error;
    }
    const subscriber = new Subscriber(this, stream, target, props);
    this.doSubscribe(subscriber).then(
      () => safeCall(done),
      (err: unknown) => {
        subscriber._destroy('subscribeFailed');
        this.fail(toOTError(err), done);
      },
    );
    return subscriber;
  }

  unsubscribe(subscriber: Subscriber): void {
    const id = subscriber.subscriptionId;
    if (id) {
      this.subscriptions.delete(id);
      this.engine?.unregisterEnd(id, 'subscriber');
      this.engine?.invoke('Unsubscribe', id).catch((err) => log.debug('Unsubscribe', err));
    }
    subscriber._destroy('unsubscribe');
  }

  /** Sends a signal to everyone (sender included) or to one connection. */
  signal(signal: { type?: string; data?: unknown; to?: Connection | string; retryAfterReconnect?: boolean }, callback?: Callback): Promise<void> {
    const run = async (): Promise<void> => {
      const checked = validateSignal(signal ?? {}, this.engine?.settings ?? defaults);
      if (checked instanceof OTError) throw checked;
      let to: string | undefined;
      if (signal?.to !== undefined && signal.to !== null) {
        if (signal.to instanceof Connection) to = signal.to.connectionId;
        else if (typeof signal.to === 'string' && signal.to) to = signal.to;
        else throw new OTError(400, 'The signal recipient must be a Connection of this session');
      }
      const engine = this.engine;
      if (engine?.state === 'reconnecting' && signal?.retryAfterReconnect !== false) {
        await new Promise<void>((resolve) => this.pendingSignals.push(resolve));
      }
      if (!this.engine || this.engine.state !== 'connected') throw new OTError(500, 'You are not connected to the session');
      await this.engine.invoke('Signal', { ...(checked.type !== undefined ? { type: checked.type } : {}), data: checked.data, ...(to ? { to } : {}) });
    };
    return this.withCallback(run(), callback, false);
  }

  forceDisconnect(connectionOrId: Connection | string, callback?: Callback): Promise<void> {
    const id = connectionOrId instanceof Connection ? connectionOrId.connectionId : String(connectionOrId ?? '');
    return this.withCallback(this.requireEngine().then((e) => e.invoke('ForceDisconnect', id)), callback);
  }

  forceUnpublish(streamOrId: Stream | string, callback?: Callback): Promise<void> {
    const id = streamOrId instanceof Stream ? streamOrId.streamId : String(streamOrId ?? '');
    const work = this.requireEngine()
      .then((e) => e.invoke('ForceUnpublish', id))
      .catch((err: unknown) => {
        // OpenTok reports a stream that is not (or no longer) in the session as 1535, not as the server's 404.
        throw err instanceof OTError && err.code === 404 ? new OTError(1535, err.message) : err;
      });
    return this.withCallback(work, callback);
  }

  forceMuteStream(streamOrId: Stream | string): Promise<void> {
    const id = streamOrId instanceof Stream ? streamOrId.streamId : String(streamOrId ?? '');
    return this.withCallback(this.requireEngine().then((e) => e.invoke('ForceMuteStream', id)), undefined);
  }

  forceMuteAll(excludedStreams: (Stream | string)[] = []): Promise<void> {
    const excludedStreamIds = excludedStreams.map((s) => (s instanceof Stream ? s.streamId : String(s)));
    return this.withCallback(this.requireEngine().then((e) => e.invoke('ForceMuteAll', { active: true, excludedStreamIds })), undefined);
  }

  disableForceMute(): Promise<void> {
    return this.withCallback(this.requireEngine().then((e) => e.invoke('ForceMuteAll', { active: false, excludedStreamIds: [] })), undefined);
  }

  getPublisherForStream(stream: Stream | undefined): Publisher | null {
    return (stream && this.ownPublishers.get(stream.streamId)) ?? null;
  }

  getSubscribersForStream(stream: Stream | undefined): Subscriber[] {
    if (!stream) return [];
    return [...this.subscriptions.values()].filter((s) => s.streamId === stream.streamId);
  }

  /** Replaces the ICE configuration for legs opened from now on. */
  setIceConfig(iceConfig: IceConfigOption): Promise<void> {
    this.iceConfig = iceConfig;
    return Promise.resolve();
  }

  // ---- internal members used by Publisher/Subscriber ----

  /** @internal */
  _setStreamProperty(streamId: string, property: 'hasAudio' | 'hasVideo', value: boolean): void {
    this.engine?.invoke('SetStreamProperty', { streamId, property, value }).catch((err) => log.warn('SetStreamProperty failed', err));
  }

  /** @internal */
  _setSubscriberMedia(subscriptionId: string, audio: boolean, video: boolean): void {
    this.engine?.invoke('SetSubscriberMedia', { subscriptionId, audio, video }).catch((err) => log.warn('SetSubscriberMedia failed', err));
  }

  // ---- connect / publish / subscribe ----

  /** Joins and dispatches sessionConnected; returns the catch-up step (existing connections/streams, queued messages) that runs after the connect callback. */
  private async doConnect(token: unknown): Promise<() => void> {
    if (!this.apiKey) throw new OTError(1004, 'An API key is required to connect (OT.initSession(apiKey, sessionId))');
    if (typeof this.sessionId !== 'string' || !this.sessionId) throw new OTError(1005, 'The session ID is missing or invalid');
    if (typeof token !== 'string' || !token) throw new OTError(1004, 'A token is required to connect');
    if (this.engine && this.engine.state !== 'disconnected') throw new OTError(1011, 'This session is already connected or connecting');
    const base = (this.options.apiUrl ?? properties.apiUrl).replace(/\/+$/, '');
    const engine = new SessionEngine(base + defaults.signalingPath, this.sessionId, {
      onMessage: (name, message) => this.onServerMessage(name, message),
      onReconnecting: () => this.dispatch(makeEvent('sessionReconnecting', this, {})),
      onReconnected: (snapshot) => this.onReconnected(snapshot),
      onLost: (reason) => this.teardown(reason),
    });
    this.engine = engine;
    const snapshot = await engine.connect(this.apiKey, token);
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.onPageHide);
    this.applySnapshot(snapshot);
    this.dispatch(makeEvent('sessionConnected', this, { connections: [] as Connection[], streams: [] as Stream[] }));
    return () => {
      if (!this.options.connectionEventsSuppressed) {
        for (const info of snapshot.connections) {
          const connection = this.connections.get(info.connectionId);
          if (connection) this.dispatchConnectionCreated(connection);
        }
      }
      for (const info of snapshot.streams) {
        const stream = this.streams.get(info.streamId);
        if (stream && info.connectionId !== snapshot.connection.connectionId) this.dispatch(makeEvent('streamCreated', this, { stream, streams: [stream] }));
      }
      engine.releaseQueued();
    };
  }

  private applySnapshot(snapshot: SessionSnapshot): void {
    this.connections.clear();
    this.streams.clear();
    for (const info of snapshot.connections) this.connections.add(new Connection(info));
    this.connection = this.connections.get(snapshot.connection.connectionId) ?? this.connections.add(new Connection(snapshot.connection));
    const caps = snapshot.capabilities;
    this.capabilities = { ...caps, permittedTo: (action: string) => (caps as unknown as Record<string, number>)[action] === 1 };
    for (const info of snapshot.streams) this.streams.add(this.streamFrom(info));
  }

  private async doPublish(publisher: Publisher): Promise<void> {
    if (publisher.streamId && this.ownPublishers.has(publisher.streamId)) return;
    await publisher._whenReady();
    const engine = this.engine;
    if (!engine || engine.state !== 'connected') throw new OTError(1010, 'You must connect before you can publish');
    const info = await engine.invoke<StreamInfo>('Publish', publisher._describe());
    const stream = this.streamFrom(info);
    this.streams.add(stream);
    this.ownPublishers.set(stream.streamId, publisher);
    publisher._onPublished(this, stream);
  }

  private async doSubscribe(subscriber: Subscriber): Promise<void> {
    const engine = this.requireConnected();
    const info = await engine.invoke<SubscriptionInfo>('Subscribe', subscriber.streamId);
    if (subscriber._isDestroyed() || engine !== this.engine) {
      engine.invoke('Unsubscribe', info.subscriptionId).catch(() => undefined);
      return;
    }
    this.subscriptions.set(info.subscriptionId, subscriber);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new OTError(1501, 'The subscriber timed out while connecting media')), defaults.subscribeTimeoutMs);
      const start = () => subscriber._start(info.subscriptionId, this.rtcConfig(), (m) => engine.sendMedia(info.subscriptionId, m), (error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      });
      let leg;
      try {
        leg = start();
      } catch (err) {
        clearTimeout(timer);
        engine.invoke('Unsubscribe', info.subscriptionId).catch(() => undefined);
        reject(err);
        return;
      }
      engine.registerEnd(info.subscriptionId, 'subscriber', (m) => leg.handle(m).catch((err) => log.warn('subscriber media', err)));
    });
  }

  // ---- server messages ----

  private onServerMessage<K extends keyof ServerMessages>(name: K, message: ServerMessages[K]): void {
    const m = message as ServerMessages[keyof ServerMessages];
    switch (name) {
      case 'connectionCreated': {
        const info = m as ServerMessages['connectionCreated'];
        if (this.restoring?.connections.delete(info.connectionId) || (this.restoring && this.connections.has(info.connectionId))) return;
        const connection = this.connections.add(new Connection(info));
        if (!this.options.connectionEventsSuppressed) this.dispatchConnectionCreated(connection);
        return;
      }
      case 'connectionDestroyed': {
        const { connectionId, reason } = m as ServerMessages['connectionDestroyed'];
        const connection = this.connections.remove(connectionId);
        if (connection && connection !== this.connection && !this.options.connectionEventsSuppressed) {
          this.dispatch(makeEvent('connectionDestroyed', this, { connection, connections: [connection], reason }));
        }
        return;
      }
      case 'connectionReconnecting':
      case 'connectionReconnected': {
        const { connectionId } = m as ServerMessages['connectionReconnecting'];
        for (const sub of this.subscriptions.values()) {
          if (sub.stream.connection.connectionId === connectionId) sub._setPublisherReconnecting(name === 'connectionReconnecting');
        }
        return;
      }
      case 'streamCreated': {
        if (this.restoring && this.streams.has((m as StreamInfo).streamId)) {
          this.streamBack(m as StreamInfo);
          return;
        }
        const stream = this.streamFrom(m as StreamInfo);
        this.streams.add(stream);
        if (stream.connection.connectionId !== this.connection?.connectionId) this.dispatch(makeEvent('streamCreated', this, { stream, streams: [stream] }));
        return;
      }
      case 'streamDestroyed': {
        const { streamId, reason } = m as ServerMessages['streamDestroyed'];
        if (this.ownPublishers.has(streamId)) this.ownStreamEnded(streamId, reason);
        else this.remoteStreamEnded(streamId, reason);
        return;
      }
      case 'streamPropertyChanged': {
        const change = m as ServerMessages['streamPropertyChanged'];
        const stream = this.streams.get(change.streamId);
        if (!stream) return;
        if (change.changedProperty === 'hasAudio' || change.changedProperty === 'hasVideo') stream[change.changedProperty] = Boolean(change.newValue);
        else if (change.changedProperty === 'videoDimensions') stream.videoDimensions = (change.newValue as Stream['videoDimensions']) ?? undefined;
        this.dispatch(makeEvent('streamPropertyChanged', this, { stream, changedProperty: change.changedProperty, oldValue: change.oldValue, newValue: change.newValue }));
        for (const sub of this.getSubscribersForStream(stream)) sub._onStreamPropertyChanged(change.changedProperty);
        return;
      }
      case 'subscriberAdded': {
        const info = m as SubscriptionInfo;
        const publisher = this.ownPublishers.get(info.streamId);
        const engine = this.engine;
        if (!publisher || !engine) return;
        engine.registerEnd(info.subscriptionId, 'publisher', (media) => {
          publisher._mediaFor(info.subscriptionId)?.handle(media).catch((err) => log.warn('publisher media', err));
        });
        publisher._addSubscriber(info, this.rtcConfig(), (media) => engine.sendMedia(info.subscriptionId, media)).catch((err) => log.warn('Could not open a leg for a subscriber', err));
        return;
      }
      case 'subscriptionRemoved': {
        const { subscriptionId } = m as ServerMessages['subscriptionRemoved'];
        this.engine?.unregisterEnd(subscriptionId, 'publisher');
        for (const publisher of this.ownPublishers.values()) publisher._removeSubscriber(subscriptionId);
        const sub = this.subscriptions.get(subscriptionId);
        if (sub) {
          this.engine?.unregisterEnd(subscriptionId, 'subscriber');
          sub._closeLeg();
          // While the stream lives on, its coming streamDestroyed (with its cancelable default) removes the widget.
          if (!this.streams.has(sub.streamId)) this.dropSubscriber(sub, 'streamDestroyed', true);
        }
        return;
      }
      case 'subscriberMediaChanged': {
        const { subscriptionId, audio, video } = m as ServerMessages['subscriberMediaChanged'];
        for (const publisher of this.ownPublishers.values()) publisher._setWanted(subscriptionId, audio, video);
        return;
      }
      case 'signal': {
        const { type, data, fromConnectionId } = m as ServerMessages['signal'];
        const from = fromConnectionId ? (this.connections.get(fromConnectionId) ?? null) : null;
        const event = makeEvent(type ? `signal:${type}` : 'signal', this, { data: data ?? '', from });
        this.dispatch(event as SessionEvents['signal'], 'signal');
        if (type) this.dispatch(event as SessionEvents['signal'], `signal:${type}`);
        return;
      }
      case 'muteForced': {
        const { streamId, active } = m as ServerMessages['muteForced'];
        if (active) {
          for (const [id, publisher] of this.ownPublishers) if (streamId === null || streamId === id) publisher._muteForced();
        }
        this.dispatch(makeEvent('muteForced', this, { active }));
        return;
      }
      case 'disconnected': {
        const { reason } = m as ServerMessages['disconnected'];
        void this.engine?.closeAfterServerDisconnect();
        this.teardown(reason || 'forceDisconnected');
        return;
      }
      default:
        return;
    }
  }

  private onReconnected(snapshot: SessionSnapshot): void {
    if (snapshot.restored) {
      this.onRestored(snapshot);
      return;
    }
    // Compare what we knew with the server's current state and report the differences.
    const liveConnections = new Set(snapshot.connections.map((c) => c.connectionId));
    for (const connection of this.connections.toArray()) {
      if (liveConnections.has(connection.connectionId)) continue;
      this.connections.remove(connection);
      if (!this.options.connectionEventsSuppressed) this.dispatch(makeEvent('connectionDestroyed', this, { connection, connections: [connection], reason: 'networkDisconnected' }));
    }
    for (const info of snapshot.connections) {
      if (this.connections.has(info.connectionId)) continue;
      const connection = this.connections.add(new Connection(info));
      if (!this.options.connectionEventsSuppressed) this.dispatchConnectionCreated(connection);
    }
    const liveStreams = new Map(snapshot.streams.map((s) => [s.streamId, s]));
    for (const stream of this.streams.toArray()) {
      const info = liveStreams.get(stream.streamId);
      if (!info) {
        if (this.ownPublishers.has(stream.streamId)) this.ownStreamEnded(stream.streamId, 'networkDisconnected');
        else this.remoteStreamEnded(stream.streamId, 'networkDisconnected');
        continue;
      }
      for (const property of ['hasAudio', 'hasVideo'] as const) {
        if (stream[property] === info[property]) continue;
        const oldValue = stream[property];
        stream[property] = info[property];
        if (this.ownPublishers.has(stream.streamId)) continue;
        this.dispatch(makeEvent('streamPropertyChanged', this, { stream, changedProperty: property, oldValue, newValue: info[property] }));
        for (const sub of this.getSubscribersForStream(stream)) sub._onStreamPropertyChanged(property);
      }
    }
    for (const info of snapshot.streams) {
      if (this.streams.has(info.streamId)) continue;
      const stream = this.streams.add(this.streamFrom(info));
      if (info.connectionId !== this.connection?.connectionId) this.dispatch(makeEvent('streamCreated', this, { stream, streams: [stream] }));
    }
    for (const publisher of this.ownPublishers.values()) publisher._onReconnected();
    this.dispatch(makeEvent('sessionReconnected', this, {}));
    for (const resume of this.pendingSignals.splice(0)) resume();
  }

  // ---- server restart within the grace period ----

  /**
   * Resume re-created our connection on a restarted server: its streams and subscriptions are gone there.
   * Re-publish our streams under their old ids, re-subscribe to streams that are back, and give the others one
   * grace period to come back too before reporting them gone (networkDisconnected).
   */
  private onRestored(snapshot: SessionSnapshot): void {
    const engine = this.engine;
    if (!engine) return;
    const own = snapshot.connection.connectionId;
    const live = new Set(snapshot.connections.map((c) => c.connectionId));
    const liveStreams = new Set(snapshot.streams.map((s) => s.streamId));
    const waitingConnections = new Set(this.connections.toArray().map((c) => c.connectionId).filter((id) => id !== own && !live.has(id)));
    const waitingStreams = new Set(this.streams.toArray().filter((s) => !this.ownPublishers.has(s.streamId) && !liveStreams.has(s.streamId)).map((s) => s.streamId));
    for (const info of snapshot.connections) {
      if (this.connections.has(info.connectionId)) continue;
      const connection = this.connections.add(new Connection(info));
      if (!this.options.connectionEventsSuppressed) this.dispatchConnectionCreated(connection);
    }
    for (const info of snapshot.streams) {
      if (this.streams.has(info.streamId)) this.streamBack(info);
      else {
        const stream = this.streams.add(this.streamFrom(info));
        this.dispatch(makeEvent('streamCreated', this, { stream, streams: [stream] }));
      }
    }
    if (this.restoring) clearTimeout(this.restoring.timer);
    this.restoring = {
      connections: waitingConnections,
      streams: waitingStreams,
      timer: setTimeout(() => this.restoreDeadline(), snapshot.settings?.reconnectGraceMs ?? defaults.reconnectGraceMs),
    };
    for (const [streamId, publisher] of [...this.ownPublishers]) void this.republish(engine, streamId, publisher);
    this.dispatch(makeEvent('sessionReconnected', this, {}));
    for (const resume of this.pendingSignals.splice(0)) resume();
  }

  /** A stream we knew before the server restart is back (re-published): update it and re-subscribe quietly. */
  private streamBack(info: StreamInfo): void {
    const stream = this.streams.get(info.streamId);
    if (!stream) return;
    this.restoring?.streams.delete(info.streamId);
    stream.hasAudio = info.hasAudio;
    stream.hasVideo = info.hasVideo;
    for (const sub of this.getSubscribersForStream(stream)) void this.resubscribe(sub);
  }

  private async republish(engine: SessionEngine, streamId: string, publisher: Publisher): Promise<void> {
    try {
      const info = await engine.invoke<StreamInfo>('Publish', publisher._describeForRestore());
      if (info.streamId === streamId) return;
      // The server would not give the old id back: carry on under the new one.
      this.ownPublishers.delete(streamId);
      this.streams.remove(streamId);
      const stream = this.streams.add(this.streamFrom(info));
      this.ownPublishers.set(stream.streamId, publisher);
      publisher._onPublished(this, stream);
    } catch (err) {
      log.warn('Re-publishing after a server restart failed', err);
      this.ownStreamEnded(streamId, 'networkDisconnected');
    }
  }

  private async resubscribe(sub: Subscriber): Promise<void> {
    const engine = this.engine;
    const old = sub.subscriptionId;
    if (!engine || sub._isDestroyed()) return;
    if (old) {
      this.subscriptions.delete(old);
      engine.unregisterEnd(old, 'subscriber');
    }
    try {
      const info = await engine.invoke<SubscriptionInfo>('Subscribe', sub.streamId);
      if (sub._isDestroyed()) {
        engine.invoke('Unsubscribe', info.subscriptionId).catch(() => undefined);
        return;
      }
      this.subscriptions.set(info.subscriptionId, sub);
      const leg = sub._restart(info.subscriptionId, this.rtcConfig(), (m) => engine.sendMedia(info.subscriptionId, m));
      engine.registerEnd(info.subscriptionId, 'subscriber', (m) => leg.handle(m).catch((err) => log.warn('subscriber media', err)));
    } catch (err) {
      log.warn('Re-subscribing after a server restart failed', err);
    }
  }

  /** The grace period after a server restart is over: whoever did not come back has left. */
  private restoreDeadline(): void {
    const restoring = this.restoring;
    this.restoring = undefined;
    if (!restoring) return;
    for (const streamId of restoring.streams) this.remoteStreamEnded(streamId, 'networkDisconnected');
    for (const connectionId of restoring.connections) {
      const connection = this.connections.remove(connectionId);
      if (connection && !this.options.connectionEventsSuppressed) this.dispatch(makeEvent('connectionDestroyed', this, { connection, connections: [connection], reason: 'networkDisconnected' }));
    }
  }

  private ownStreamEnded(streamId: string, reason: string): void {
    const publisher = this.ownPublishers.get(streamId);
    this.ownPublishers.delete(streamId);
    const stream = this.streams.remove(streamId);
    // Self-subscriptions (subscribe-to-self test mode) end with the stream.
    if (stream) for (const sub of this.getSubscribersForStream(stream)) this.dropSubscriber(sub, reason, true);
    publisher?._onStreamDestroyed(reason);
  }

  private remoteStreamEnded(streamId: string, reason: string): void {
    const stream = this.streams.remove(streamId);
    if (!stream) return;
    const event = this.dispatch(makeEvent('streamDestroyed', this, { stream, streams: [stream], reason }, true));
    const removeElements = !event.isDefaultPrevented();
    for (const sub of this.getSubscribersForStream(stream)) this.dropSubscriber(sub, reason, removeElements);
  }

  private dropSubscriber(sub: Subscriber, reason: string, removeElement: boolean): void {
    const id = sub.subscriptionId;
    if (id) {
      this.subscriptions.delete(id);
      this.engine?.unregisterEnd(id, 'subscriber');
    }
    sub._destroy(reason, removeElement);
  }

  /** Ends everything local after disconnect, forceDisconnect or a failed reconnect. */
  private teardown(reason: string): void {
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', this.onPageHide);
    if (this.restoring) clearTimeout(this.restoring.timer);
    this.restoring = undefined;
    for (const streamId of [...this.ownPublishers.keys()]) this.ownStreamEnded(streamId, reason);
    const subs = [...this.subscriptions.values()];
    this.subscriptions.clear();
    for (const resume of this.pendingSignals.splice(0)) resume();
    const event = this.dispatch(makeEvent('sessionDisconnected', this, { reason }, true));
    for (const sub of subs) sub._destroy(reason, !event.isDefaultPrevented());
    this.connections.clear();
    this.streams.clear();
    this.connection = undefined;
    this.capabilities = undefined;
  }

  // ---- helpers ----

  private dispatchConnectionCreated(connection: Connection): void {
    this.dispatch(makeEvent('connectionCreated', this, { connection, connections: [connection] }));
  }

  private streamFrom(info: StreamInfo): Stream {
    const connection = this.connections.get(info.connectionId) ?? new Connection({ connectionId: info.connectionId, creationTime: info.creationTime, data: '' });
    return new Stream(info, connection);
  }

  private rtcConfig(): RTCConfiguration {
    return rtcConfiguration(this.engine?.iceServers ?? [], this.iceConfig);
  }

  private requireConnected(): SessionEngine {
    const engine = this.engine;
    if (!engine || engine.state !== 'connected') throw new OTError(1010, 'You are not connected to the session');
    return engine;
  }

  private requireEngine(): Promise<SessionEngine> {
    try {
      return Promise.resolve(this.requireConnected());
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Runs a callback-or-promise API: errors go to the callback (or reject) and to OT.exception. */
  private withCallback(work: Promise<unknown>, callback: Callback | undefined, report = true): Promise<void> {
    return work.then(
      () => {
        safeCall(callback);
      },
      (err: unknown) => {
        const error = toOTError(err);
        if (report) globalEvents.reportException(error, this);
        if (callback) {
          safeCall(callback, error);
          return;
        }
        throw error;
      },
    );
  }

  private fail(error: OTError, callback: Callback | undefined): void {
    globalEvents.reportException(error, this);
    safeCall(callback, error);
  }
}

function toOTError(err: unknown): OTError {
  if (err instanceof OTError) return err;
  return new OTError(2000, err instanceof Error ? err.message : String(err));
}

function safeCall(callback: Callback | undefined, error?: OTError): void {
  if (!callback) return;
  try {
    if (error) callback(error);
    else callback();
  } catch (err) {
    log.error('Error in a callback:', err);
  }
}
