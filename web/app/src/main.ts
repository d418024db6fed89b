// The app page: "/" is the landing page, "/room/{name}" the call, and a page that sets credentials
// (window.DuetConfig.credentials or ?apiKey&sessionId&token) goes straight to the call.
import { CallApp, styles } from './call-app';
import { configFromUrl, resolveConfig, themeProperties, type DuetConfigInput } from './config';
import { loadDisplayName } from './platform/name-store';
import { landingView, type LanInfo } from './views/landing-view';

const pageConfig = (window as unknown as { DuetConfig?: DuetConfigInput }).DuetConfig;
const config = resolveConfig(pageConfig, configFromUrl(new URLSearchParams(location.search)));
if (!config.displayName) config.displayName = loadDisplayName();
const mount = document.getElementById('duet') ?? document.body;

const style = document.createElement('style');
style.textContent = styles;
document.head.append(style);

const roomMatch = /^\/room\/([^/]+)\/?$/.exec(location.pathname);
if (roomMatch && !config.credentials) config.room = decodePathSegment(roomMatch[1]!);

if (config.room || config.credentials) {
  document.title = config.room ? `${config.room} · ${config.strings.appName}` : config.strings.appName;
  const app = new CallApp({ config, keyTarget: document, shareBase: location.origin });
  mount.replaceChildren(app.element);
  app.start();
  window.addEventListener('pagehide', () => app.destroy());
  // Back/forward cache: the restored page holds the app destroyed on pagehide, so start afresh instead.
  window.addEventListener('pageshow', (e) => { if (e.persisted) location.reload(); });
} else {
  const root = document.createElement('div');
  root.className = 'duet';
  for (const [name, value] of Object.entries(themeProperties(config.theme))) root.style.setProperty(name, value);
  // Keep the page's customisation (theme, labels, …) when moving on to the call.
  const view = landingView(config, (room) => { location.href = `/room/${encodeURIComponent(room)}${location.search}`; });
  root.append(view.element);
  mount.replaceChildren(root);
  void fetch('/api/lan', { cache: 'no-store' })
    .then((r) => (r.status === 200 ? (r.json() as Promise<LanInfo>) : null))
    .then((info) => { if (info?.url && info.qrSvg) view.showLan(info); })
    .catch(() => undefined);
}

/** A malformed escape ("%E0%A4%A") is kept as typed: the server then refuses the name like any other bad one. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
