// <duet-call room="team-sync" server="https://duet.example.com"> — the whole call app as a custom element any
// website can drop in. Attributes mirror the URL parameters (see config.ts); `element.config = {…}` takes the
// full configuration object. The SDK is loaded from `server` unless the page already has window.OT.
import { CallApp, styles } from './call-app';
import { configFromUrl, resolveConfig, type DuetConfigInput } from './config';

const attributeNames = ['room', 'server', 'api-key', 'session-id', 'token', 'display-name', 'pip-corner', 'hide', 'show', 'accent', 'background', 'surface', 'text', 'radius', 'font', 'start-muted', 'start-camera-off', 'subscribe-to-self'] as const;

export class DuetCallElement extends HTMLElement {
  static observedAttributes = [...attributeNames];
  /** Extra configuration set from script before the element is connected. */
  config: DuetConfigInput = {};
  private app: CallApp | null = null;

  connectedCallback(): void {
    if (this.app) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!this.style.display) this.style.display = 'block';
    if (!this.style.height && !this.getAttribute('style')?.includes('height')) this.style.minHeight = '480px';

    const server = (this.getAttribute('server') ?? '').replace(/\/+$/, '');
    const params = new URLSearchParams();
    const copy = (attribute: string, param: string): void => { const v = this.getAttribute(attribute); if (v !== null) params.set(param, v); };
    copy('api-key', 'apiKey'); copy('session-id', 'sessionId'); copy('token', 'token'); copy('display-name', 'name'); copy('pip-corner', 'pip');
    copy('hide', 'hide'); copy('show', 'show'); copy('start-muted', 'muted'); copy('start-camera-off', 'cameraOff'); copy('subscribe-to-self', 'self');
    for (const key of ['accent', 'background', 'surface', 'text', 'radius', 'font']) copy(key, key);

    const config = resolveConfig({ server, room: this.getAttribute('room') }, this.config, configFromUrl(params));
    const style = document.createElement('style');
    style.textContent = `:host{position:relative;overflow:hidden;contain:content}${styles}`;
    this.app = new CallApp({ config, keyTarget: this, shareBase: server || location.origin });
    this.app.element.style.height = '100%';
    this.app.element.style.minHeight = 'inherit';
    shadow.replaceChildren(style, this.app.element);
    if (!this.hasAttribute('tabindex')) this.tabIndex = -1;
    this.app.start();
  }

  disconnectedCallback(): void {
    this.app?.destroy();
    this.app = null;
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    // Changing any attribute of a live call restarts it with the new configuration.
    if (this.app && old !== value) {
      this.disconnectedCallback();
      this.connectedCallback();
    }
  }
}

if (!customElements.get('duet-call')) customElements.define('duet-call', DuetCallElement);
