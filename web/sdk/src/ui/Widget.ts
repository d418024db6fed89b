import { defaults } from '../defaults';
import { parseStyle, toCssSize, type WidgetStyle } from '../options';
import { injectStylesheet } from './stylesheet';
import { placeWidget, resolveTarget } from './target';

export interface WidgetOptions {
  kind: 'publisher' | 'subscriber';
  target: unknown;
  insertMode?: unknown;
  insertDefaultUI?: unknown;
  width?: unknown;
  height?: unknown;
  fitMode?: unknown;
  mirror: boolean;
  style?: unknown;
  showControls?: unknown;
  name?: string;
  initials: string;
  /** The mute button was clicked. */
  onMuteClick(): void;
  /** The audio-blocked indicator was clicked (a user gesture that may unblock audio). */
  onUnblockClick?(): void;
}

/**
 * The default widget DOM of opentok-surface §1.8: `div.OT_root.OT_publisher|OT_subscriber` holding
 * `.OT_widget-container` (poster, loading spinner, `video.OT_video-element`) and the name/mute/meter chrome.
 * With insertDefaultUI:false only the video element exists and nothing is inserted.
 */
export class Widget {
  readonly video: HTMLVideoElement;
  readonly root: HTMLElement | undefined;
  private style: WidgetStyle;
  private readonly showControls: boolean;
  private readonly poster: HTMLElement | undefined;
  private readonly initialsEl: HTMLElement | undefined;
  private readonly nameEl: HTMLElement | undefined;
  private readonly muteEl: HTMLButtonElement | undefined;
  private readonly meterEl: HTMLElement | undefined;
  private readonly meterValue: HTMLElement | undefined;
  private readonly videoDisabledEl: HTMLElement | undefined;
  private readonly archivingEl: HTMLElement | undefined;
  private readonly blockedEl: HTMLElement | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private name: string | undefined;

  constructor(private readonly options: WidgetOptions) {
    this.showControls = options.showControls !== false;
    this.style = parseStyle(options.style, this.showControls);
    this.name = options.name;
    this.video = document.createElement('video');
    this.video.className = 'OT_video-element';
    this.video.autoplay = true;
    this.video.playsInline = true;
    this.video.setAttribute('playsinline', '');
    if (options.kind === 'publisher') this.video.muted = true;
    if (options.insertDefaultUI === false) return;

    injectStylesheet();
    const root = placeWidget(resolveTarget(options.target), options.insertMode);
    this.root = root;
    root.classList.add('OT_root', options.kind === 'publisher' ? 'OT_publisher' : 'OT_subscriber', 'OT_loading');
    root.classList.add(options.fitMode === 'contain' ? 'OT_fit-mode-contain' : 'OT_fit-mode-cover');
    if (options.mirror) root.classList.add('OT_mirrored');
    root.style.width = toCssSize(options.width, defaults.widgetWidth);
    root.style.height = toCssSize(options.height, defaults.widgetHeight);
    root.style.overflow = 'hidden';

    const container = el('div', 'OT_widget-container');
    this.poster = el('div', 'OT_video-poster');
    this.initialsEl = el('div', 'OT_initials');
    this.poster.appendChild(this.initialsEl);
    const loading = el('div', 'OT_video-loading');
    loading.appendChild(el('div', 'OT_video-loading-spinner'));
    container.append(this.poster, loading, this.video);

    this.nameEl = el('h1', 'OT_name OT_edge-bar-item');
    this.muteEl = el('button', 'OT_mute OT_edge-bar-item') as HTMLButtonElement;
    this.muteEl.type = 'button';
    this.muteEl.title = options.kind === 'publisher' ? 'Mute microphone' : 'Mute audio';
    this.muteEl.addEventListener('click', (e) => {
      e.stopPropagation();
      options.onMuteClick();
    });
    this.meterEl = el('div', 'OT_audio-level-meter OT_edge-bar-item');
    this.meterValue = el('div', 'OT_audio-level-meter__value');
    this.meterEl.appendChild(this.meterValue);
    this.videoDisabledEl = el('div', 'OT_video-disabled-indicator OT_edge-bar-item');
    this.videoDisabledEl.textContent = 'Video disabled';
    const bar = el('div', 'OT_bar OT_edge-bar-item');
    root.append(container, bar, this.nameEl, this.muteEl, this.meterEl, this.videoDisabledEl);
    if (options.kind === 'publisher') {
      this.archivingEl = el('div', 'OT_archiving-status OT_edge-bar-item');
      root.appendChild(this.archivingEl);
    } else {
      this.blockedEl = el('div', 'OT_audio-blocked-indicator OT_edge-bar-item');
      this.blockedEl.textContent = 'Click to unmute';
      this.blockedEl.addEventListener('click', () => options.onUnblockClick?.());
      root.appendChild(this.blockedEl);
    }
    this.bar = bar;
    this.renderChrome();
    this.renderPoster();
    // 'auto' chrome is shown when the widget first appears, then on hover.
    root.classList.add('OT_show-chrome');
    setTimeout(() => root.classList.remove('OT_show-chrome'), defaults.chromeAutoHideMs);
    this.watchSize();
  }

  private readonly bar: HTMLElement | undefined;

  get element(): HTMLElement | undefined {
    return this.root;
  }

  get id(): string | undefined {
    return this.root?.id;
  }

  /** Shows a media stream; OT_loading goes away once it actually plays. */
  attach(stream: MediaStream, onAutoplayBlocked?: () => void): void {
    if (this.video.srcObject !== stream) this.video.srcObject = stream;
    const clearLoading = () => this.root?.classList.remove('OT_loading');
    this.video.addEventListener('playing', clearLoading, { once: true });
    this.play(onAutoplayBlocked);
  }

  /** Plays the element; when autoplay with sound is refused, plays muted and reports it. */
  play(onAutoplayBlocked?: () => void): void {
    this.video.play().catch((err: unknown) => {
      if ((err as { name?: string }).name !== 'NotAllowedError' || this.video.muted) return;
      this.video.muted = true;
      onAutoplayBlocked?.();
      this.video.play().catch(() => undefined);
    });
  }

  setAudioOnly(audioOnly: boolean): void {
    this.root?.classList.toggle('OT_audio-only', audioOnly);
    this.videoDisabledEl?.classList.toggle('OT_active', audioOnly && this.style.videoDisabledDisplayMode !== 'off');
  }

  setMuted(muted: boolean): void {
    this.muteEl?.classList.toggle('OT_active', muted);
  }

  setAudioBlocked(blocked: boolean): void {
    this.root?.classList.toggle('OT_audio-blocked', blocked);
  }

  setArchiving(active: boolean): void {
    this.archivingEl?.classList.toggle('OT_active', active);
  }

  setAudioLevel(level: number): void {
    if (this.meterValue) this.meterValue.style.height = `${Math.round(Math.min(1, Math.max(0, level)) * 100)}%`;
  }

  setName(name: string | undefined): void {
    this.name = name;
    this.renderChrome();
    this.renderPoster();
  }

  setMirror(mirror: boolean): void {
    this.root?.classList.toggle('OT_mirrored', mirror);
  }

  getStyle(): Record<string, unknown> {
    return { ...this.style };
  }

  /** setStyle(key, value) or setStyle(object); a no-op with showControls:false. */
  setStyle(keyOrStyle: string | Record<string, unknown>, value?: unknown): void {
    if (!this.showControls) return;
    const patch = typeof keyOrStyle === 'string' ? { [keyOrStyle]: value } : keyOrStyle;
    this.style = parseStyle({ ...this.style, ...patch }, true);
    this.renderChrome();
    this.renderPoster();
  }

  destroy(): void {
    this.resizeObserver?.disconnect();
    this.video.srcObject = null;
    this.video.remove();
    this.root?.remove();
  }

  private renderChrome(): void {
    setMode(this.nameEl, this.name ? this.style.nameDisplayMode : 'off');
    if (this.nameEl) this.nameEl.textContent = this.name ?? '';
    setMode(this.muteEl, this.style.buttonDisplayMode);
    setMode(this.meterEl, this.style.audioLevelDisplayMode);
    setMode(this.videoDisabledEl, this.style.videoDisabledDisplayMode);
    setMode(this.archivingEl, this.style.archiveStatusDisplayMode);
    setMode(this.blockedEl, this.style.audioBlockedDisplayMode);
    const anyBar = this.name && this.style.nameDisplayMode !== 'off' ? this.style.nameDisplayMode : this.style.buttonDisplayMode;
    setMode(this.bar, anyBar);
  }

  private renderPoster(): void {
    if (!this.poster || !this.initialsEl) return;
    if (this.style.backgroundImageURI) {
      this.poster.style.backgroundImage = `url("${this.style.backgroundImageURI.replace(/"/g, '%22')}")`;
      this.initialsEl.textContent = '';
    } else {
      this.poster.style.backgroundImage = '';
      this.initialsEl.textContent = this.options.initials;
    }
  }

  private watchSize(): void {
    const root = this.root;
    if (!root || typeof ResizeObserver === 'undefined') return;
    const apply = () => {
      const { width, height } = root.getBoundingClientRect();
      if (width === 0 && height === 0) return;
      root.classList.toggle('OT_mini', width < defaults.miniSize || height < defaults.miniSize);
      root.classList.toggle('OT_micro', width < defaults.microSize || height < defaults.microSize);
    };
    this.resizeObserver = new ResizeObserver(apply);
    this.resizeObserver.observe(root);
  }
}

function el(tag: string, className: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}

function setMode(element: HTMLElement | undefined, mode: string): void {
  if (!element) return;
  element.classList.remove('OT_mode-on', 'OT_mode-off', 'OT_mode-auto', 'OT_mode-mini-auto');
  element.classList.add(`OT_mode-${mode}`);
}
