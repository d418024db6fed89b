// Every default value of the SDK, in one place.

export const defaults = {
  /** Widget size when the app gives none (OpenTok: 264×198 px). */
  widgetWidth: 264,
  widgetHeight: 198,
  /** Subscriber volume, 0–100. */
  audioVolume: 50,
  /** Widgets smaller than these get OT_mini / OT_micro. */
  miniSize: 128,
  microSize: 64,
  /** Hub path on the Duet server. */
  signalingPath: '/v2/signaling',
  /** How long subscribe() waits for media to connect before failing with 1501. */
  subscribeTimeoutMs: 20_000,
  /** How long a Connect/Resume invocation may take. */
  connectTimeoutMs: 15_000,
  /** Reconnect backoff: first retry delay, doubling up to the maximum, within the server's grace period. */
  reconnectFirstDelayMs: 250,
  reconnectMaxDelayMs: 2_000,
  /** Fallback grace period when the server did not say (it always does in its snapshot). */
  reconnectGraceMs: 20_000,
  /** Client-side signal limits (the server enforces its own, from its snapshot settings). */
  maxSignalTypeLength: 128,
  maxSignalDataLength: 8192,
  /** audioLevelUpdated cadence while someone listens. */
  audioLevelIntervalMs: 60,
  /** How long the name/controls chrome in 'auto' mode stays visible after the widget appears. */
  chromeAutoHideMs: 2_000,
} as const;
