// The landing page: start a call with a random readable name, or join one by name. Shows the LAN address as a
// QR code when the server runs with --lan, so a phone on the same network can join.
import { isValidRoomName, normaliseRoomName, randomRoomName } from '../call/room-name';
import type { DuetConfig } from '../config';
import { format } from '../strings';
import { h, show, text } from './dom';
import { icon } from './icons';

export interface LanInfo {
  url: string;
  qrSvg: string;
}

export function landingView(config: DuetConfig, go: (room: string) => void): { element: HTMLElement; showLan(info: LanInfo): void } {
  const s = config.strings;
  const error = h('p', { class: 'duet-error-text', id: 'duet-room-error', 'aria-live': 'polite' });
  const input = h('input', { id: 'duet-room-name', name: 'room', type: 'text', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', placeholder: s.roomNamePlaceholder, 'aria-describedby': 'duet-room-error' });
  const form = h('form', { class: 'duet-join', novalidate: true },
    h('label', { for: 'duet-room-name' }, s.roomNameLabel),
    h('div', { class: 'duet-share-row' }, input, h('button', { type: 'submit', class: 'duet-btn' }, s.join)),
    error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = normaliseRoomName(input.value);
    if (!isValidRoomName(name)) {
      text(error, s.invalidRoomName);
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    go(name);
  });
  input.addEventListener('input', () => { text(error, ''); input.removeAttribute('aria-invalid'); });

  const qrImage = h('img', { alt: '' });
  const qrText = h('p');
  const lan = h('div', { class: 'duet-card duet-qr', hidden: true }, qrImage, qrText);

  const element = h('div', { class: 'duet-landing' },
    h('div', { class: 'duet-hero' },
      h('p', { class: 'duet-brand', style: 'justify-content:center;font-size:1.2rem;margin-bottom:12px' }, icon('logo'), s.appName),
      h('h1', {}, s.headline),
      h('p', {}, s.tagline)),
    h('div', { class: 'duet-card' },
      h('button', { type: 'button', class: 'duet-btn duet-btn-primary duet-btn-large', 'data-action': 'create-room', onclick: () => go(randomRoomName()) }, icon('plus'), s.createRoom),
      h('div', { class: 'duet-divider' }, s.joinByName),
      form),
    lan,
    h('p', { class: 'duet-foot' }, s.landingPrivacy));

  return {
    element,
    showLan(info: LanInfo) {
      qrImage.src = `data:image/svg+xml;base64,${btoa(info.qrSvg)}`;
      qrImage.alt = info.url;
      text(qrText, format(s.lanHint, { url: info.url }));
      show(lan, true);
    },
  };
}
