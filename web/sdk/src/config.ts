// OT.properties: where the SDK finds its server. By default the origin this script was loaded from
// (so a page on any site that loads https://duet.example/v2/js/opentok.js talks to duet.example).

function scriptOrigin(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const script = document.currentScript as HTMLScriptElement | null;
  if (script?.src) {
    try {
      return new URL(script.src, document.baseURI).origin;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const origin = scriptOrigin() ?? (typeof location !== 'undefined' ? location.origin : 'http://localhost:5080');

export const properties: { apiUrl: string; loggingURL: string; version: string } = {
  apiUrl: origin,
  loggingURL: origin,
  version: '2.0.0-duet',
};
