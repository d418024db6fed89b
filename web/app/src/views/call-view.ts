// The call screen: stage (their video full-size, yours full-size or as a draggable picture-in-picture), status
// cards, banners, the control bars and the devices/stats/help panels. It renders a CallState and reports what the
// person did through `CallViewActions`; it knows nothing about the SDK.
import type { CallEvent } from '../call/call-machine';
import { screenOf, sendsAudio, sendsVideo, showsRemoteVideo, type CallState, type DeviceProblem } from '../call/call-state';
import type { StatsSummary } from '../call/call-stats';
import { formatDuration } from '../call/call-timer';
import { initialsOf } from '../call/initials';
import { nearestCorner } from '../call/pip-corner';
import type { Corner, DuetConfig } from '../config';
import { format, type StringKey } from '../strings';
import { attr, h, show, text } from './dom';
import { icon, setIcon } from './icons';

export interface DeviceOption {
  deviceId: string;
  label: string;
}

export interface DeviceLists {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[] | null;
  current: { camera: string | null; microphone: string | null; speaker: string | null };
}

export interface CallViewActions {
  dispatch(event: CallEvent): void;
  switchCamera(): void;
  listDevices(): Promise<DeviceLists>;
  chooseDevice(kind: 'camera' | 'microphone' | 'speaker', deviceId: string): void;
  setDisplayName(name: string): void;
}

/** Things outside CallState that the view shows. */
export interface ViewExtras {
  now: number;
  shareUrl: string | null;
  roomLabel: string;
  cameraCount: number;
  stats: StatsSummary | null;
}

/** The remote control bar hides after this long without pointer or touch activity. */
export const RemoteBarHideMs = 7000;

export class CallView {
  readonly root: HTMLElement;
  /** Where the SDK puts our own video (the publisher widget). */
  readonly localTarget: HTMLElement;
  /** Where the SDK puts their video (the subscriber widget). */
  readonly remoteTarget: HTMLElement;

  private readonly s: DuetConfig['strings'];
  private corner: Corner;
  private state: CallState | null = null;
  private extras: ViewExtras | null = null;
  private remoteBarTimer: ReturnType<typeof setTimeout> | undefined;
  private statsOpen: boolean;
  private lastFocus: HTMLElement | null = null;
  private displayName: string;

  private readonly el = {} as {
    room: HTMLElement; timer: HTMLElement; network: HTMLElement; shareTop: HTMLButtonElement;
    stage: HTMLElement; remote: HTMLElement; remoteAvatar: HTMLElement; remoteAvatarInitials: HTMLElement; remoteAvatarName: HTMLElement;
    mutedBadge: HTMLElement; mutedText: HTMLElement; remoteBar: HTMLElement; hearBtn: HTMLButtonElement; seeBtn: HTMLButtonElement;
    local: HTMLElement; localAvatar: HTMLElement; localAvatarInitials: HTMLElement; localAvatarName: HTMLElement; localTag: HTMLElement; nameInput: HTMLInputElement;
    overlay: HTMLElement; cards: Record<string, HTMLElement>; readyHint: HTMLElement; endedHint: HTMLElement; fullHint: HTMLElement;
    errorText: HTMLElement; permissionList: HTMLElement; audioOnlyBtn: HTMLButtonElement; shareInputs: HTMLInputElement[]; copyButtons: HTMLButtonElement[];
    banners: HTMLElement; reconnecting: HTMLElement; quality: HTMLElement; audioOnly: HTMLElement;
    controls: HTMLElement; micBtn: HTMLButtonElement; camBtn: HTMLButtonElement; switchBtn: HTMLButtonElement; callBtn: HTMLButtonElement; callLabel: HTMLElement;
    devicesBtn: HTMLButtonElement; statsBtn: HTMLButtonElement; helpBtn: HTMLButtonElement;
    devicesPanel: HTMLElement; statsPanel: HTMLElement; statsValues: Record<string, HTMLElement>; help: HTMLElement; helpClose: HTMLButtonElement;
  };

  constructor(private readonly config: DuetConfig, private readonly actions: CallViewActions) {
    this.s = config.strings;
    this.corner = config.pipCorner;
    this.statsOpen = config.showStats;
    this.displayName = config.displayName;
    this.localTarget = h('div', { class: 'duet-video' });
    this.remoteTarget = h('div', { class: 'duet-video' });
    this.root = h('div', { class: 'duet-call-view', style: 'display:contents' });
    this.build();
  }

  // ---- building -------------------------------------------------------------------------------------------

  private build(): void {
    const { s, el, config } = this;
    const c = config.controls;

    el.room = h('span', { class: 'duet-room' });
    el.timer = h('span', { class: 'duet-pill duet-timer', role: 'timer', 'aria-label': s.callTimer, hidden: true });
    el.network = h('span', { class: 'duet-pill duet-network', role: 'img', hidden: true }, icon('signal'));
    el.shareTop = this.iconButton('link', s.copyLink, () => void this.copyLink(el.shareTop), 'duet-icon-btn');
    el.shareTop.classList.add('duet-share-top');
    const top = h('header', { class: 'duet-top' },
      h('p', { class: 'duet-brand' }, icon('logo'), h('span', { class: 'duet-brand-name' }, s.appName), el.room),
      h('div', { class: 'duet-top-right' }, c.timer ? el.timer : null, c.network ? el.network : null, c.share ? el.shareTop : null));

    // Their side
    el.remoteAvatarInitials = h('span', { class: 'duet-avatar-circle' });
    el.remoteAvatarName = h('span', { class: 'duet-avatar-name' });
    el.remoteAvatar = h('div', { class: 'duet-avatar', hidden: true }, el.remoteAvatarInitials, el.remoteAvatarName);
    el.mutedText = h('span');
    el.mutedBadge = h('span', { class: 'duet-tag duet-muted-badge', hidden: true }, icon('micOff'), el.mutedText);
    el.hearBtn = this.toggleButton('speaker', '', () => this.actions.dispatch({ type: 'toggleRemoteAudio' }), 'remote-audio');
    el.seeBtn = this.toggleButton('eye', '', () => this.actions.dispatch({ type: 'toggleRemoteVideo' }), 'remote-video');
    el.remoteBar = h('div', { class: 'duet-remote-bar', role: 'toolbar', 'aria-label': format(s.remoteControls, { name: s.otherPerson }), 'data-visible': 'false', hidden: true },
      c.remoteAudio ? el.hearBtn : null, c.remoteVideo ? el.seeBtn : null);
    el.remote = h('section', { class: 'duet-tile duet-remote', 'aria-label': s.otherPerson }, this.remoteTarget, el.remoteAvatar, el.mutedBadge, el.remoteBar);

    // Our side
    el.localAvatarInitials = h('span', { class: 'duet-avatar-circle' });
    el.localAvatarName = h('span', { class: 'duet-avatar-name' });
    el.localAvatar = h('div', { class: 'duet-avatar', hidden: true }, el.localAvatarInitials, el.localAvatarName);
    el.localTag = h('span', { class: 'duet-tag' }, s.you);
    el.local = h('section', { class: 'duet-tile duet-local', 'aria-label': s.you, 'data-mode': 'full', 'data-corner': this.corner }, this.localTarget, el.localAvatar, el.localTag);
    this.makeDraggable(el.local);

    // Status cards
    el.shareInputs = [];
    el.copyButtons = [];
    el.readyHint = h('p');
    el.endedHint = h('p');
    el.fullHint = h('p');
    el.errorText = h('p');
    el.permissionList = h('ul');
    el.audioOnlyBtn = h('button', { type: 'button', class: 'duet-btn', onclick: () => this.actions.dispatch({ type: 'joinAudioOnly' }) }, s.joinAudioOnly);
    const rejoin = (): void => this.actions.dispatch({ type: 'rejoin' });
    el.cards = {
      connecting: h('div', { class: 'duet-card', role: 'status' }, h('div', { class: 'duet-spinner', 'aria-hidden': 'true' }), h('h2', {}, s.connecting)),
      ready: h('div', { class: 'duet-card' },
        h('h2', {}, s.readyTitle), el.readyHint, this.nameField(),
        h('div', { class: 'duet-actions' }, h('button', { type: 'button', class: 'duet-btn duet-btn-primary duet-btn-large', onclick: () => this.actions.dispatch({ type: 'start' }) }, icon('phone'), s.startCall)),
        c.share ? this.shareBox() : null),
      waiting: h('div', { class: 'duet-card' }, h('h2', {}, s.waitingTitle), h('p', {}, s.waitingHint), c.share ? this.shareBox() : null),
      permission: h('div', { class: 'duet-card', role: 'alert' },
        h('h2', {}, s.permissionTitle), el.permissionList,
        h('div', { class: 'duet-actions' },
          h('button', { type: 'button', class: 'duet-btn duet-btn-primary', onclick: () => this.actions.dispatch({ type: 'retryMedia' }) }, s.tryAgain),
          el.audioOnlyBtn,
          h('button', { type: 'button', class: 'duet-btn', onclick: () => this.actions.dispatch({ type: 'joinReceiveOnly' }) }, s.joinReceiveOnly))),
      ended: h('div', { class: 'duet-card' }, h('h2', {}, s.endedTitle), el.endedHint,
        h('div', { class: 'duet-actions' }, h('button', { type: 'button', class: 'duet-btn duet-btn-primary duet-btn-large', onclick: rejoin }, s.rejoin), h('a', { class: 'duet-btn', href: '/' }, s.newCall))),
      full: h('div', { class: 'duet-card', role: 'alert' }, h('h2', {}, s.fullTitle), el.fullHint,
        h('div', { class: 'duet-actions' }, h('a', { class: 'duet-btn duet-btn-primary', href: '/' }, s.newCall), h('button', { type: 'button', class: 'duet-btn', onclick: rejoin }, s.tryAgain))),
      error: h('div', { class: 'duet-card', role: 'alert' }, h('h2', {}, s.errorTitle), el.errorText,
        h('div', { class: 'duet-actions' }, h('button', { type: 'button', class: 'duet-btn duet-btn-primary', onclick: rejoin }, s.tryAgain), h('a', { class: 'duet-btn', href: '/' }, s.newCall))),
    };
    el.overlay = h('div', { class: 'duet-overlay' }, ...Object.values(el.cards));

    // Banners (a live region: screen readers hear them)
    el.reconnecting = h('div', { class: 'duet-banner', hidden: true }, icon('signal'), s.reconnecting);
    el.quality = h('div', { class: 'duet-banner', hidden: true }, icon('warning'), s.qualityWarning);
    el.audioOnly = h('div', { class: 'duet-banner', 'data-kind': 'info', hidden: true }, icon('cameraOff'), s.audioOnlyNotice);
    el.banners = h('div', { class: 'duet-banners', role: 'status', 'aria-live': 'polite' }, el.reconnecting, el.quality, el.audioOnly);

    // Stats panel
    el.statsValues = {};
    const statRows: [string, StringKey][] = [['bitrate', 'statsBitrate'], ['loss', 'statsLoss'], ['rtt', 'statsRtt'], ['resolution', 'statsResolution'], ['fps', 'statsFrameRate']];
    el.statsPanel = h('aside', { class: 'duet-stats', 'aria-label': s.statsToggle, hidden: true },
      h('dl', {}, ...statRows.flatMap(([key, label]) => [h('dt', {}, s[label]), (el.statsValues[key] = h('dd', {}, '–'))])));

    el.stage = h('main', { class: 'duet-stage' }, el.remote, el.local, el.statsPanel, el.overlay, el.banners);
    el.stage.addEventListener('pointermove', () => this.revealRemoteBar());
    el.stage.addEventListener('pointerdown', () => this.revealRemoteBar());

    // Main controls
    el.micBtn = this.toggleButton('mic', s.microphone, () => this.actions.dispatch({ type: 'toggleMic' }), 'mic', true);
    el.camBtn = this.toggleButton('camera', s.camera, () => this.actions.dispatch({ type: 'toggleCamera' }), 'camera', true);
    el.switchBtn = this.iconButton('switchCamera', s.switchCamera, () => this.actions.switchCamera(), 'duet-ctl');
    el.switchBtn.dataset.control = 'switch-camera';
    el.callLabel = h('span', { class: 'duet-call-label' });
    el.callBtn = h('button', { type: 'button', class: 'duet-call-btn', 'data-control': 'call', onclick: () => this.toggleCall() }, el.callLabel);
    el.devicesBtn = this.iconButton('settings', s.settings, () => void this.toggleDevices(), 'duet-ctl');
    el.devicesBtn.setAttribute('aria-expanded', 'false');
    el.devicesBtn.dataset.control = 'devices';
    el.statsBtn = this.toggleButton('stats', s.statsToggle, () => { this.statsOpen = !this.statsOpen; this.rerender(); }, 'stats');
    el.helpBtn = this.iconButton('help', s.help, () => this.openHelp(), 'duet-ctl');
    el.helpBtn.dataset.control = 'help';
    el.controls = h('footer', { class: 'duet-controls', role: 'toolbar', 'aria-label': s.appName },
      c.mic ? el.micBtn : null, c.camera ? el.camBtn : null, c.switchCamera ? el.switchBtn : null, c.end ? el.callBtn : null,
      c.devices ? el.devicesBtn : null, c.stats ? el.statsBtn : null, c.help ? el.helpBtn : null);

    el.devicesPanel = h('div', { class: 'duet-panel', role: 'dialog', 'aria-label': s.settings, hidden: true });
    el.helpClose = this.iconButton('close', s.close, () => this.closeHelp(), 'duet-icon-btn');
    const shortcut = (key: string, label: StringKey): Node[] => [h('dt', {}, h('kbd', { class: 'duet-kbd' }, key)), h('dd', {}, s[label])];
    el.help = h('div', { class: 'duet-dialog-backdrop', hidden: true, onclick: (e: Event) => { if (e.target === el.help) this.closeHelp(); } },
      h('div', { class: 'duet-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'duet-help-title' },
        h('h2', { id: 'duet-help-title' }, s.helpTitle, el.helpClose),
        h('dl', {}, ...shortcut('M', 'shortcutMic'), ...shortcut('V', 'shortcutCamera'), ...shortcut('E', 'shortcutEnd'), ...shortcut('?', 'shortcutHelp'))));

    this.root.append(top, el.stage, el.controls, el.devicesPanel, el.help);
  }

  private iconButton(name: Parameters<typeof icon>[0], label: string, onclick: () => void, cls: string): HTMLButtonElement {
    return h('button', { type: 'button', class: cls, 'aria-label': label, title: label, onclick }, icon(name));
  }

  private toggleButton(name: Parameters<typeof icon>[0], label: string, onclick: () => void, control: string, offStyle = false): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'duet-ctl', 'aria-label': label, title: label, 'aria-pressed': 'true', 'data-control': control, onclick }, icon(name));
    if (offStyle) b.dataset.offStyle = '';
    else if (control === 'stats') b.dataset.onStyle = '';
    return b;
  }

  private nameField(): HTMLElement {
    const input = h('input', { id: 'duet-display-name', type: 'text', autocomplete: 'nickname', maxlength: 64, placeholder: this.s.yourNamePlaceholder, value: this.displayName });
    input.addEventListener('change', () => {
      this.displayName = input.value.trim().slice(0, 64);
      this.actions.setDisplayName(this.displayName);
      this.rerender();
    });
    this.el.nameInput = input;
    return h('div', { class: 'duet-share' }, h('label', { for: 'duet-display-name' }, this.s.yourName), input);
  }

  private shareBox(): HTMLElement {
    const id = `duet-share-${this.el.shareInputs.length}-${Math.random().toString(36).slice(2, 7)}`;
    const input = h('input', { id, type: 'text', readonly: true, value: '' });
    input.addEventListener('focus', () => input.select());
    const copy = h('button', { type: 'button', class: 'duet-btn duet-btn-primary', 'data-control': 'copy-link' }, icon('copy'), h('span', {}, this.s.copyLink));
    copy.addEventListener('click', () => void this.copyLink(copy));
    this.el.shareInputs.push(input);
    this.el.copyButtons.push(copy);
    return h('div', { class: 'duet-share' }, h('label', { for: id }, this.s.shareLabel), h('div', { class: 'duet-share-row' }, input, copy));
  }

  // ---- behaviour ------------------------------------------------------------------------------------------

  private toggleCall(): void {
    if (!this.state) return;
    const screen = screenOf(this.state);
    if (screen === 'ready') this.actions.dispatch({ type: 'start' });
    else if (screen === 'inCall' || screen === 'waiting') this.actions.dispatch({ type: 'end', at: Date.now() });
  }

  /** Keyboard shortcuts; ignored while typing in a field. */
  handleKey(e: KeyboardEvent): void {
    const key = e.key.toLowerCase();
    if (key === 'escape') {
      if (!this.el.devicesPanel.hidden) { this.closeDevices(); this.el.devicesBtn.focus(); }
      this.closeHelp();
      return;
    }
    const target = (e.composedPath()[0] ?? e.target) as HTMLElement | null;
    if (e.ctrlKey || e.metaKey || e.altKey || (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
    if (!this.el.help.hidden) return;
    const screen = this.state ? screenOf(this.state) : 'idle';
    const active = screen === 'ready' || screen === 'waiting' || screen === 'inCall';
    if (key === 'm' && active && this.config.controls.mic) this.actions.dispatch({ type: 'toggleMic' });
    else if (key === 'v' && active && this.config.controls.camera) this.actions.dispatch({ type: 'toggleCamera' });
    else if (key === 'e' && active && this.config.controls.end) this.toggleCall();
    else if (key === '?' && this.config.controls.help) this.openHelp();
    else return;
    e.preventDefault();
  }

  private openHelp(): void {
    this.lastFocus = document.activeElement as HTMLElement | null;
    show(this.el.help, true);
    this.el.helpClose.focus();
  }

  private closeHelp(): void {
    if (this.el.help.hidden) return;
    show(this.el.help, false);
    (this.lastFocus ?? this.el.helpBtn).focus();
  }

  private closeDevices(): void {
    show(this.el.devicesPanel, false);
    attr(this.el.devicesBtn, 'aria-expanded', 'false');
  }

  private async toggleDevices(): Promise<void> {
    const panel = this.el.devicesPanel;
    if (!panel.hidden) { this.closeDevices(); return; }
    const lists = await this.actions.listDevices();
    const select = (kind: 'camera' | 'microphone' | 'speaker', label: string, options: DeviceOption[], current: string | null): HTMLElement =>
      h('label', {}, label, (() => {
        const sel = h('select', { 'data-device': kind, onchange: (e: Event) => this.actions.chooseDevice(kind, (e.target as HTMLSelectElement).value) },
          ...options.map((o, i) => h('option', { value: o.deviceId, selected: o.deviceId === current }, o.label || `${label} ${i + 1}`)));
        return sel;
      })());
    const close = this.iconButton('close', this.s.close, () => this.closeDevices(), 'duet-icon-btn');
    const rows = [
      lists.cameras.length ? select('camera', this.s.camera, lists.cameras, lists.current.camera) : null,
      lists.microphones.length ? select('microphone', this.s.microphone, lists.microphones, lists.current.microphone) : null,
      lists.speakers?.length ? select('speaker', this.s.speaker, lists.speakers, lists.current.speaker) : null,
    ].filter((r): r is HTMLElement => r !== null);
    panel.replaceChildren(h('h2', {}, this.s.settings, close), ...rows);
    show(panel, true);
    attr(this.el.devicesBtn, 'aria-expanded', 'true');
    (panel.querySelector('select') as HTMLElement | null)?.focus();
  }

  private async copyLink(button: HTMLButtonElement): Promise<void> {
    const url = this.extras?.shareUrl;
    if (!url) return;
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      // Without clipboard permission (e.g. plain HTTP on a LAN address) select the text so it can be copied by hand.
      const input = this.el.shareInputs.find((i) => i.offsetParent !== null);
      input?.focus();
      input?.select();
    }
    if (!ok) return;
    const label = button.querySelector('span');
    const before = label?.textContent ?? null;
    if (label) label.textContent = this.s.copied;
    button.setAttribute('aria-label', this.s.copied);
    setIcon(button, 'check');
    setTimeout(() => {
      if (label && before !== null) label.textContent = before;
      if (label) button.removeAttribute('aria-label');
      else button.setAttribute('aria-label', this.s.copyLink);
      setIcon(button, button === this.el.shareTop ? 'link' : 'copy');
    }, 2000);
  }

  revealRemoteBar(): void {
    attr(this.el.remoteBar, 'data-visible', 'true');
    clearTimeout(this.remoteBarTimer);
    this.remoteBarTimer = setTimeout(() => attr(this.el.remoteBar, 'data-visible', 'false'), RemoteBarHideMs);
  }

  /** Drag the picture-in-picture anywhere; on release it settles in the nearest corner (pointer = mouse and touch). */
  private makeDraggable(tile: HTMLElement): void {
    let start: { x: number; y: number; left: number; top: number } | null = null;
    tile.addEventListener('pointerdown', (e) => {
      if (tile.dataset.mode !== 'pip') return;
      const box = tile.getBoundingClientRect(), stage = this.el.stage.getBoundingClientRect();
      start = { x: e.clientX, y: e.clientY, left: box.left - stage.left, top: box.top - stage.top };
      tile.setPointerCapture(e.pointerId);
    });
    tile.addEventListener('pointermove', (e) => {
      if (!start) return;
      const dx = e.clientX - start.x, dy = e.clientY - start.y;
      if (!tile.dataset.dragging && Math.hypot(dx, dy) < 6) return;
      tile.dataset.dragging = '';
      Object.assign(tile.style, { left: `${start.left + dx}px`, top: `${start.top + dy}px`, right: 'auto', bottom: 'auto' });
    });
    const end = (): void => {
      if (!start) return;
      start = null;
      if (tile.dataset.dragging === undefined) return;
      delete tile.dataset.dragging;
      const box = tile.getBoundingClientRect(), stage = this.el.stage.getBoundingClientRect();
      this.corner = nearestCorner(box.left - stage.left + box.width / 2, box.top - stage.top + box.height / 2, stage.width, stage.height);
      tile.removeAttribute('style');
      attr(tile, 'data-corner', this.corner);
    };
    tile.addEventListener('pointerup', end);
    tile.addEventListener('pointercancel', end);
  }

  // ---- rendering ------------------------------------------------------------------------------------------

  private rerender(): void {
    if (this.state && this.extras) this.render(this.state, this.extras);
  }

  render(state: CallState, extras: ViewExtras): void {
    const wasRemoteIn = !!this.state?.remote?.subscribed;
    this.state = state;
    this.extras = extras;
    const { el, s } = this;
    const screen = screenOf(state);
    const remoteName = state.remote?.name || s.otherPerson;

    text(el.room, extras.roomLabel);
    show(el.shareTop, !!extras.shareUrl && ['ready', 'waiting', 'inCall'].includes(screen));
    for (const input of el.shareInputs) if (input.value !== (extras.shareUrl ?? '')) input.value = extras.shareUrl ?? '';

    // Timer and network
    const inCall = screen === 'inCall';
    show(el.timer, inCall && state.callStartedAt !== null);
    if (state.callStartedAt !== null) text(el.timer, formatDuration(extras.now - state.callStartedAt));
    show(el.network, inCall && state.network !== null);
    if (state.network) {
      attr(el.network, 'data-quality', state.network);
      attr(el.network, 'aria-label', s[state.network === 'good' ? 'networkGood' : state.network === 'poor' ? 'networkPoor' : 'networkBad']);
      attr(el.network, 'title', el.network.getAttribute('aria-label'));
    }

    // Their side
    const remoteIn = !!state.remote?.subscribed && inCall;
    show(el.remote, remoteIn);
    show(el.remoteAvatar, remoteIn && !showsRemoteVideo(state));
    const remoteInitials = initialsOf(state.remote?.name ?? '');
    if (remoteInitials) text(el.remoteAvatarInitials, remoteInitials);
    else if (!el.remoteAvatarInitials.querySelector('svg')) el.remoteAvatarInitials.replaceChildren(icon('cameraOff'));
    const why = !state.seeRemote ? s.theirVideoHidden : state.remote?.videoOffForQuality ? s.audioOnlyNotice : s.theirCameraOff;
    text(el.remoteAvatarName, state.remote?.name ? `${state.remote.name} · ${why}` : why);
    show(el.mutedBadge, remoteIn && state.remote?.hasAudio === false);
    text(el.mutedText, format(s.remoteMuted, { name: remoteName }));
    show(el.remoteBar, remoteIn);
    attr(el.remoteBar, 'aria-label', format(s.remoteControls, { name: remoteName }));
    if (remoteIn && !wasRemoteIn) this.revealRemoteBar();
    this.setToggle(el.hearBtn, state.hearRemote, format(s.remoteAudio, { name: remoteName }), state.hearRemote ? 'speaker' : 'speakerOff');
    this.setToggle(el.seeBtn, state.seeRemote, format(s.remoteVideo, { name: remoteName }), state.seeRemote ? 'eye' : 'eyeOff');

    // Our side: full stage when alone, picture-in-picture when they are here
    const hasLocal = state.local.status === 'ready' || state.local.status === 'pending';
    show(el.local, hasLocal && !['ended', 'full', 'error', 'connecting'].includes(screen));
    attr(el.local, 'data-mode', remoteIn ? 'pip' : 'full');
    attr(el.local, 'data-corner', this.corner);
    show(el.localAvatar, state.local.status === 'ready' && !sendsVideo(state));
    const initials = initialsOf(this.displayName);
    if (initials) text(el.localAvatarInitials, initials);
    else if (!el.localAvatarInitials.querySelector('svg')) el.localAvatarInitials.replaceChildren(icon('cameraOff'));
    text(el.localAvatarName, this.displayName ? `${this.displayName} · ${s.yourCameraOff}` : s.yourCameraOff);
    show(el.localTag, remoteIn);

    // Status cards
    const card = screen === 'inCall' || screen === 'idle' ? null : screen;
    for (const [name, node] of Object.entries(el.cards)) show(node, name === card);
    attr(el.overlay, 'data-place', screen === 'waiting' || screen === 'ready' ? 'bottom' : 'center');
    text(el.readyHint, !state.remote ? s.readyAlone : state.remote.name ? format(s.readyOtherHere, { name: state.remote.name }) : s.readySomeoneHere);
    text(el.endedHint, state.lastCallMs !== null ? format(s.endedRemoteHint, { duration: formatDuration(state.lastCallMs) }) : '');
    text(el.fullHint, format(s.fullHint, { room: extras.roomLabel }));
    if (state.error) {
      const e = state.error;
      text(el.errorText, e.kind === 'auth' ? s.errorAuth : e.kind === 'room' ? format(s.errorRoom, { room: extras.roomLabel, detail: e.detail }) : s.errorConnect);
    }
    if (state.local.status === 'failed') this.renderPermission(state.local.problem);

    // Banners
    show(el.reconnecting, state.reconnecting);
    show(el.quality, state.qualityWarning && inCall);
    show(el.audioOnly, inCall && !!state.remote?.videoOffForQuality);

    // Controls
    const active = screen === 'ready' || screen === 'waiting' || screen === 'inCall';
    show(el.controls, active);
    const canAudio = state.local.status === 'ready' ? state.local.audio : state.local.status === 'pending';
    const canVideo = state.local.status === 'ready' ? state.local.video : state.local.status === 'pending';
    this.setToggle(el.micBtn, sendsAudio(state) || (state.local.status === 'pending' && state.micOn), s.microphone, state.micOn && canAudio ? 'mic' : 'micOff', s.micOn, s.micOff);
    el.micBtn.disabled = !canAudio;
    this.setToggle(el.camBtn, sendsVideo(state) || (state.local.status === 'pending' && state.cameraOn), s.camera, state.cameraOn && canVideo ? 'camera' : 'cameraOff', s.cameraOn, s.cameraOff);
    el.camBtn.disabled = !canVideo;
    show(el.switchBtn, extras.cameraCount > 1 && sendsVideo(state));
    const starting = screen === 'ready';
    attr(el.callBtn, 'data-action', starting ? 'start' : 'end');
    setIcon(el.callBtn, starting ? 'phone' : 'phoneEnd');
    text(el.callLabel, starting ? s.startCall : s.endCall);
    attr(el.callBtn, 'aria-label', starting ? s.startCall : s.endCall);
    attr(el.callBtn, 'title', `${starting ? s.startCall : s.endCall} (E)`);

    this.setToggle(el.statsBtn, this.statsOpen, s.statsToggle, 'stats');
    show(el.statsPanel, this.statsOpen && remoteIn);
    if (extras.stats) {
      const st = extras.stats;
      text(el.statsValues.bitrate!, `${st.bitrateKbps} kbit/s`);
      text(el.statsValues.loss!, `${st.lossPercent} %`);
      text(el.statsValues.rtt!, st.rttMs === null ? '–' : `${st.rttMs} ms`);
      text(el.statsValues.resolution!, st.resolution ?? '–');
      text(el.statsValues.fps!, st.frameRate === null ? '–' : `${st.frameRate} fps`);
    }
    if (!active) this.closeDevices();
  }

  private setToggle(button: HTMLButtonElement, pressed: boolean, label: string, iconName: Parameters<typeof setIcon>[1], onTitle?: string, offTitle?: string): void {
    attr(button, 'aria-pressed', pressed ? 'true' : 'false');
    attr(button, 'aria-label', label);
    const shortcut = button === this.el.micBtn ? ' (M)' : button === this.el.camBtn ? ' (V)' : '';
    attr(button, 'title', `${(pressed ? onTitle : offTitle) ?? label}${shortcut}`);
    setIcon(button, iconName);
  }

  private renderPermission(problem: { camera: DeviceProblem | null; microphone: DeviceProblem | null }): void {
    const { s } = this;
    const line = (p: DeviceProblem, device: string): string =>
      format(s[p === 'denied' ? 'permissionDenied' : p === 'missing' ? 'permissionMissing' : p === 'busy' ? 'permissionBusy' : 'permissionUnknown'], { device });
    const items = [
      problem.camera ? line(problem.camera, s.deviceCamera) : null,
      problem.microphone ? line(problem.microphone, s.deviceMicrophone) : null,
    ].filter((x): x is string => x !== null);
    const key = items.join('|');
    if (this.el.permissionList.dataset.key !== key) {
      this.el.permissionList.dataset.key = key;
      this.el.permissionList.replaceChildren(...items.map((t) => h('li', {}, t)));
    }
    show(this.el.audioOnlyBtn, problem.microphone === null);
  }
}
