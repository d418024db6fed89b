import { EventDispatcher } from '../events/EventDispatcher';
import type { OTEvent } from '../events/OTEvent';
import type { Widget } from './Widget';

/** What Publisher and Subscriber both offer about their widget's video (OpenTok gives both the same methods). */
export abstract class WidgetHost<M extends Record<string, OTEvent>> extends EventDispatcher<M> {
  protected abstract readonly widget: Widget;

  videoWidth(): number | undefined {
    return this.widget.video.videoWidth || undefined;
  }

  videoHeight(): number | undefined {
    return this.widget.video.videoHeight || undefined;
  }

  /** The current frame as a PNG, base64 only (no data: prefix), as OpenTok returns it; null before the first frame. */
  getImgData(): string | null {
    const video = this.widget.video;
    if (!video.videoWidth) return null;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  }

  getStyle(): Record<string, unknown> {
    return this.widget.getStyle();
  }

  setStyle(keyOrStyle: string | Record<string, unknown>, value?: unknown): this {
    this.widget.setStyle(keyOrStyle, value);
    return this;
  }
}
