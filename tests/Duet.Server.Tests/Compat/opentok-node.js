// Drives a Duet server with the official OpenTok Node server SDK (npm "opentok", installed by ./test.sh into
// tests/js/node_modules). Usage: node opentok-node.js <serverUrl> <apiKey> <apiSecret> <otherApiKey> <otherSecret> <otherSessionId>
// Prints one JSON object with what the SDK produced, or the error each call reported.
'use strict';
const OpenTok = require('opentok');

const [serverUrl, apiKey, apiSecret, otherKey, otherSecret, otherSessionId] = process.argv.slice(2);
const opentok = new OpenTok(apiKey, apiSecret, serverUrl);

function createSession(ot, options) {
  return new Promise((resolve) => {
    ot.createSession(options, (err, session) => resolve(err ? { error: String(err.message || err) } : { sessionId: session.sessionId }));
  });
}

function forceDisconnect(ot, sessionId, connectionId) {
  return new Promise((resolve) => {
    ot.forceDisconnect(sessionId, connectionId, (err) => resolve(err ? { error: err.name || err.constructor.name, message: err.message } : { ok: true }));
  });
}

(async () => {
  const out = {};
  out.relayed = await createSession(opentok, { mediaMode: 'relayed' });
  out.routed = await createSession(opentok, { mediaMode: 'routed', archiveMode: 'always', location: '10.20.30.40' });
  out.defaults = await createSession(opentok, {});
  out.wrongSecret = await createSession(new OpenTok(apiKey, 'f'.repeat(40), serverUrl), {});
  out.unknownProject = await createSession(new OpenTok(otherKey, otherSecret, serverUrl), {});

  const sessionId = out.relayed.sessionId;
  const expireTime = Math.round(Date.now() / 1000) + 3600;
  const options = { role: 'subscriber', data: 'name=Ana Bell&lang=pt', expireTime, initialLayoutClassList: ['focus', 'full'] };
  out.expireTime = expireTime;
  out.jwtDefault = opentok.generateToken(sessionId);
  out.jwtWithOptions = opentok.generateToken(sessionId, options);
  out.t1WithOptions = opentok.generateToken(sessionId, options, true);
  out.t1Moderator = opentok.generateToken(out.routed.sessionId, { role: 'moderator' }, true);
  // Tokens for another project's session, signed with that project's secret.
  const other = new OpenTok(otherKey, otherSecret, serverUrl);
  out.otherJwt = other.generateToken(otherSessionId);
  out.otherT1 = other.generateToken(otherSessionId, {}, true);

  out.forceDisconnectUnknown = await forceDisconnect(opentok, sessionId, 'no-such-connection');
  out.forceDisconnectWrongSecret = await forceDisconnect(new OpenTok(apiKey, 'f'.repeat(40), serverUrl), sessionId, 'x');
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
