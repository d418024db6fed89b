// <duet-call room="team-sync" server="https://duet.example.com"> — the whole call app as a custom element any
// website can drop in. Attributes mirror the URL parameters (see config.ts); `element.config = {…}` takes the
// full configuration object. The SDK is loaded from `server` unless the page already has window.OT.
import { CallApp, styles } from './call-app';
import { configFromAttributes, elementAttributes, resolveConfig, type DuetConfigInput } from './config';

export class DuetCallElement extends HTMLElement {
  static observedAttributes = [...elementAttributes];
  /** Extra configuration set from script before the element is connected. */
  config: DuetConfigInput = {};
  private app: CallApp | null = null;
  // Leaving the page ends the call and frees camera and microphone (a page holding them is also never kept in the
  // back/forward cache); a page restored from that cache starts the element afresh.
  private readonly onPageHide = (): void => {
    this.app?.destroy();
    this.app = null;
  };

  private readonly onPageShow = (e: PageTransitionEvent): void => {
    if (e.persisted && this.isConnected && !this.app) this.connectedCallback();
  };

  connectedCallback(): void {
    if (this.app) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!this.style.display) this.style.display = 'block';
    if (!this.style.height && !this.getAttribute('style')?.includes('height')) this.style.minHeight = '480px';

    const input = configFromAttributes((name) => this.getAttribute(name));
    const config = resolveConfig(this.config, input);
    const server = config.server;
    const style = document.createElement('style');
    style.textContent = `:host{position:relative;overflow:hidden;contain:content}${styles}`;
    this.app = new CallApp({ config, keyTarget: this, shareBase: server || location.origin });
    this.app.element.style.height = '100%';
    this.app.element.style.minHeight = 'inherit';
    shadow.replaceChildren(style, this.app.element);
    if (!this.hasAttribute('tabindex')) this.tabIndex = -1;
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('pageshow', this.onPageShow);
    this.app.start();
  }

  disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('pageshow', this.onPageShow);
    this.app?.destroy();
    this.app = null;
  }

  private restart(): void {
    this.disconnectedCallback();
    this.connectedCallback();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    // Changing any attribute of a live call restarts it with the new configuration.
    if (this.app && old !== value) this.restart();
  }
}

if (!customElements.get('duet-call')) customElements.define('duet-call', DuetCallElement);
