// Drives Duet's live-session REST routes with the official OpenTok Node server SDK (npm "opentok", installed by
// ./test.sh into tests/js/node_modules).
// Usage: node opentok-live.js <serverUrl> <apiKey> <apiSecret> <sessionId> <targetConnectionId> <streamId>
// Prints one JSON object: for each call, {ok: true[, value]} or the error the SDK reported.
'use strict';
const OpenTok = require('opentok');
const errors = require('opentok/lib/errors');

// The SDK's error types share Error's name and constructor name; tell them apart by prototype.
function kind(err) {
  return Object.keys(errors).find((name) => typeof errors[name] === 'function' && err instanceof errors[name]) || 'Error';
}

const [serverUrl, apiKey, apiSecret, sessionId, targetConnectionId, streamId] = process.argv.slice(2);
const opentok = new OpenTok(apiKey, apiSecret, serverUrl);

function call(fn) {
  return new Promise((resolve) => {
    fn((err, value) => resolve(err ? { error: kind(err), message: err.message } : { ok: true, value }));
  });
}

(async () => {
  const out = {};
  out.signalAll = await call((cb) => opentok.signal(sessionId, null, { type: 'news', data: 'from node' }, cb));
  out.signalOne = await call((cb) => opentok.signal(sessionId, targetConnectionId, { type: 'dm', data: 'just you' }, cb));
  out.signalUnknownConnection = await call((cb) => opentok.signal(sessionId, 'no-such-connection', { type: 't', data: 'd' }, cb));
  out.signalBadType = await call((cb) => opentok.signal(sessionId, null, { type: 'no spaces', data: 'd' }, cb));
  out.listStreams = await call((cb) => opentok.listStreams(sessionId, cb));
  out.forceMuteStream = await call((cb) => opentok.forceMuteStream(sessionId, streamId, cb));
  out.forceMuteAll = await call((cb) => opentok.forceMuteAll(sessionId, { excludedStreamIds: [] }, cb));
  out.disableForceMute = await call((cb) => opentok.disableForceMute(sessionId, cb));
  out.forceDisconnect = await call((cb) => opentok.forceDisconnect(sessionId, targetConnectionId, cb));
  out.forceDisconnectAgain = await call((cb) => opentok.forceDisconnect(sessionId, targetConnectionId, cb));
  out.wrongSecret = await call((cb) => new OpenTok(apiKey, 'f'.repeat(40), serverUrl).signal(sessionId, null, { type: 't', data: 'd' }, cb));
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
