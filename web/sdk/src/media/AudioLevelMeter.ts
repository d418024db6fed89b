/** Measures a track's loudness (0..1) with Web Audio, for audioLevelUpdated events and the widget meter. */
export class AudioLevelMeter {
  private context: AudioContext | undefined;
  private analyser: AnalyserNode | undefined;
  private source: MediaStreamAudioSourceNode | undefined;
  private buffer: Float32Array<ArrayBuffer> | undefined;

  setTrack(track: MediaStreamTrack | undefined): void {
    this.source?.disconnect();
    this.source = undefined;
    if (!track || typeof AudioContext === 'undefined') return;
    this.context ??= new AudioContext();
    if (!this.analyser) {
      this.analyser = this.context.createAnalyser();
      this.analyser.fftSize = 512;
      this.buffer = new Float32Array(new ArrayBuffer(this.analyser.fftSize * 4));
    }
    this.source = this.context.createMediaStreamSource(new MediaStream([track]));
    this.source.connect(this.analyser);
  }

  /** The current level, 0..1 (peak amplitude), or 0 without a track. */
  level(): number {
    if (!this.analyser || !this.buffer || !this.source) return 0;
    if (this.context?.state === 'suspended') void this.context.resume().catch(() => undefined);
    this.analyser.getFloatTimeDomainData(this.buffer);
    let peak = 0;
    for (const v of this.buffer) peak = Math.max(peak, Math.abs(v));
    return Math.min(1, peak);
  }

  close(): void {
    this.source?.disconnect();
    void this.context?.close().catch(() => undefined);
    this.context = undefined;
    this.analyser = undefined;
    this.source = undefined;
  }
}
