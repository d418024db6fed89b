// Test harness loaded into every call page after the SDK: drives window.OT like an app would and records
// every event (H.log) so the C# tests can wait for and inspect them.
(() => {
  const H = (window.H = { log: [], session: null, publisher: null, subscribers: [] });
  const err = (e) => (e ? { code: e.code, name: e.name, message: e.message } : null);
  H.rec = (src, e) => {
    H.log.push({
      src, type: e.type, reason: e.reason ?? null, t: Date.now(),
      streamId: e.stream ? e.stream.streamId : null,
      connectionId: e.connection ? e.connection.connectionId : null,
      connectionData: e.connection ? e.connection.data : null,
      changedProperty: e.changedProperty ?? null,
      oldValue: e.oldValue === undefined ? null : e.oldValue,
      newValue: e.newValue === undefined ? null : e.newValue,
      data: e.data === undefined ? null : e.data,
      from: e.from ? e.from.connectionId : null,
      videoType: e.stream ? (e.stream.videoType ?? null) : null,
      hasAudio: e.stream ? e.stream.hasAudio : null,
      hasVideo: e.stream ? e.stream.hasVideo : null,
      code: e.code ?? null,
    });
  };
  OT.on('exception', (e) => H.rec('OT', e));
  H.init = (apiKey, sessionId, options) => {
    const s = OT.initSession(apiKey, sessionId, options);
    H.session = s;
    s.on('sessionConnected sessionDisconnected sessionReconnecting sessionReconnected connectionCreated connectionDestroyed streamCreated streamDestroyed streamPropertyChanged signal muteForced', (e) => H.rec('session', e));
    return s;
  };
  H.connect = (token) => new Promise((resolve) => H.session.connect(token, (e) => resolve(err(e))));
  H.initPublisher = (props) => new Promise((resolve) => {
    const p = OT.initPublisher('pub', { insertMode: 'append', width: 320, height: 240, ...props }, (e) => resolve(err(e)));
    H.publisher = p;
    p.on('streamCreated streamDestroyed destroyed accessAllowed accessDenied videoElementCreated', (e) => H.rec('publisher', e));
  });
  H.publish = () => new Promise((resolve) => H.session.publish(H.publisher, (e) => resolve(e ? err(e) : { streamIdAtCallback: H.publisher.streamId ?? null })));
  H.subscribe = (stream, props) => new Promise((resolve) => {
    const s = H.session.subscribe(stream, 'subs', { insertMode: 'append', width: 320, height: 240, ...props }, (e) => resolve(err(e)));
    H.subscribers.push(s);
    s.on('videoDisabled videoEnabled connected disconnected destroyed audioBlocked audioUnblocked videoElementCreated', (e) => H.rec('subscriber', e));
  });
  H.autoSubscribe = (props) => H.session.on('streamCreated', (e) => H.subscribe(e.stream, props));
  H.signal = (signal) => new Promise((resolve) => H.session.signal(signal, (e) => resolve(err(e))));
  H.events = (src, type) => H.log.filter((e) => (!src || e.src === src) && (!type || e.type === type));
})();
