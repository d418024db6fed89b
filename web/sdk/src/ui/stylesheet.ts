// The widget stylesheet, injected once per document the first time a widget is created.

const css = `
.OT_root { position: relative; box-sizing: border-box; overflow: hidden; background-color: #000; font-family: system-ui, sans-serif; color: #fff; }
.OT_root * { box-sizing: border-box; }
.OT_widget-container { position: absolute; inset: 0; width: 100%; height: 100%; background-color: #000; overflow: hidden; }
.OT_video-element { position: absolute; top: 0; left: 0; width: 100%; height: 100%; object-fit: cover; }
.OT_fit-mode-contain .OT_video-element { object-fit: contain; }
.OT_mirrored .OT_video-element { transform: scale(-1, 1); }
.OT_video-poster { position: absolute; inset: 0; display: none; background: #333 center / cover no-repeat; text-align: center; }
.OT_video-poster .OT_initials { position: absolute; top: 50%; left: 0; right: 0; transform: translateY(-50%); font-size: 48px; font-weight: 600; color: #ddd; }
.OT_audio-only .OT_video-poster { display: block; }
.OT_audio-only .OT_video-element { visibility: hidden; }
.OT_video-loading { position: absolute; inset: 0; display: none; }
.OT_loading .OT_video-loading { display: block; }
.OT_video-loading-spinner { position: absolute; top: 50%; left: 50%; width: 32px; height: 32px; margin: -16px 0 0 -16px; border: 3px solid rgba(255,255,255,.3); border-top-color: #fff; border-radius: 50%; animation: OT_spin 1s linear infinite; }
@keyframes OT_spin { to { transform: rotate(360deg); } }
.OT_edge-bar-item { position: absolute; z-index: 1; }
.OT_bar { top: 0; left: 0; right: 0; height: 34px; background: rgba(0,0,0,.4); }
.OT_name { top: 0; left: 0; right: 40px; height: 34px; margin: 0; padding: 0 8px; font-size: 15px; font-weight: 400; line-height: 34px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.OT_mute { top: 2px; right: 2px; width: 30px; height: 30px; border: 0; border-radius: 4px; background: rgba(0,0,0,.5); color: #fff; cursor: pointer; font-size: 14px; }
.OT_mute::before { content: '\\1F50A'; }
.OT_publisher .OT_mute::before { content: '\\1F3A4'; }
.OT_mute.OT_active { background: #c0392b; }
.OT_audio-level-meter { bottom: 6px; left: 6px; width: 8px; height: 40px; background: rgba(0,0,0,.4); border-radius: 4px; overflow: hidden; }
.OT_audio-level-meter__value { position: absolute; bottom: 0; left: 0; right: 0; height: 0; background: #2ecc71; }
.OT_video-disabled-indicator { bottom: 6px; right: 6px; padding: 2px 6px; font-size: 12px; background: rgba(0,0,0,.6); border-radius: 3px; display: none; }
.OT_video-disabled-indicator.OT_active { display: block; }
.OT_archiving-status { top: 38px; left: 6px; font-size: 12px; display: none; }
.OT_archiving-status.OT_active { display: block; }
.OT_audio-blocked-indicator { top: 50%; left: 50%; transform: translate(-50%, -50%); padding: 8px 12px; background: rgba(0,0,0,.7); border-radius: 4px; font-size: 14px; cursor: pointer; display: none; }
.OT_audio-blocked .OT_audio-blocked-indicator { display: block; }
.OT_mode-off, .OT_mode-auto, .OT_mode-mini-auto { display: none; }
.OT_mode-on { display: block; }
.OT_root:hover .OT_mode-auto, .OT_root.OT_show-chrome .OT_mode-auto { display: block; }
.OT_mini:hover .OT_mode-mini-auto { display: block; }
.OT_audio-only .OT_audio-level-meter.OT_mode-auto { display: block; }
.OT_mode-off.OT_audio-blocked-indicator { display: none !important; }
.OT_mini .OT_name, .OT_micro .OT_edge-bar-item { display: none; }
`;

let injected = false;

export function injectStylesheet(doc: Document = document): void {
  if (injected || doc.getElementById('OT_stylesheet')) {
    injected = true;
    return;
  }
  const style = doc.createElement('style');
  style.id = 'OT_stylesheet';
  style.textContent = css;
  (doc.head ?? doc.documentElement).appendChild(style);
  injected = true;
}
