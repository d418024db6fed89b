import { mediaError, OTError } from '../errors';
import { audioConstraints, parseSource, videoConstraints, type PublisherMediaOptions, type SourceSpec } from '../options';

export interface OTDevice {
  kind: 'audioInput' | 'videoInput';
  deviceId: string;
  label: string;
}

/** OT.getDevices: microphones and cameras in OpenTok's shape. */
export async function listDevices(): Promise<OTDevice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) throw new OTError(1500, 'This browser cannot list media devices', 'OT_NOT_SUPPORTED');
  const all = await navigator.mediaDevices.enumerateDevices();
  return all
    .filter((d) => d.kind === 'audioinput' || d.kind === 'videoinput')
    .map((d) => ({ kind: d.kind === 'audioinput' ? 'audioInput' : 'videoInput', deviceId: d.deviceId, label: d.label }));
}

export interface CapturedMedia {
  stream: MediaStream;
  videoType: 'camera' | 'screen' | 'custom' | null;
}

/** Opens what a publisher's audioSource/videoSource ask for, as one MediaStream. */
export async function capturePublisherMedia(options: PublisherMediaOptions): Promise<CapturedMedia> {
  const audio = parseSource(options.audioSource, false);
  const video = parseSource(options.videoSource, true);
  if (audio.kind === 'none' && video.kind === 'none') throw new OTError(1011, 'A publisher needs an audio or a video source', 'OT_INVALID_PARAMETER');
  const stream = new MediaStream();
  let videoType: CapturedMedia['videoType'] = null;
  try {
    if (video.kind === 'screen') {
      const screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      screen.getVideoTracks().forEach((t) => stream.addTrack(t));
      videoType = 'screen';
    } else if (video.kind === 'track') {
      stream.addTrack(video.track);
      videoType = 'custom';
    }
    const wantAudio = audio.kind === 'default' || audio.kind === 'device';
    const wantCamera = video.kind === 'default' || video.kind === 'device';
    if (audio.kind === 'track') stream.addTrack(audio.track);
    if (wantAudio || wantCamera) {
      const captured = await navigator.mediaDevices.getUserMedia({
        audio: wantAudio ? audioConstraints(options, deviceOf(audio)) : false,
        video: wantCamera ? videoConstraints(options, deviceOf(video)) : false,
      });
      captured.getTracks().forEach((t) => stream.addTrack(t));
      if (wantCamera) videoType = 'camera';
    }
  } catch (err) {
    stream.getTracks().forEach((t) => t.stop());
    throw err instanceof OTError ? err : mediaError(err);
  }
  return { stream, videoType };
}

/** Opens one camera (cycleVideo / setVideoSource). */
export async function openCamera(options: PublisherMediaOptions, deviceId: string): Promise<MediaStreamTrack> {
  try {
    const s = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(options, deviceId), audio: false });
    return s.getVideoTracks()[0]!;
  } catch (err) {
    throw mediaError(err);
  }
}

/** Opens one microphone (setAudioSource). */
export async function openMicrophone(options: PublisherMediaOptions, deviceId: string): Promise<MediaStreamTrack> {
  try {
    const s = await navigator.mediaDevices.getUserMedia({ audio: audioConstraints(options, deviceId), video: false });
    return s.getAudioTracks()[0]!;
  } catch (err) {
    throw mediaError(err);
  }
}

/** OT.getUserMedia(props): the publisher's media without a publisher. */
export async function otGetUserMedia(props: PublisherMediaOptions = {}): Promise<MediaStream> {
  return (await capturePublisherMedia(props)).stream;
}

function deviceOf(spec: SourceSpec): string | undefined {
  return spec.kind === 'device' ? spec.deviceId : undefined;
}
