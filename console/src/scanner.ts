/**
 * Reads QR codes from the camera. The decoder (jsQR, pure JavaScript, as Chromium on Linux and
 * Firefox have no BarcodeDetector) is loaded only when the camera is first switched on.
 */

export interface Scanner {
  stop(): void;
}

export type CameraProblem = 'denied' | 'no-camera' | 'unsupported' | 'other';

export class CameraError extends Error {
  override name = 'CameraError';
  constructor(readonly problem: CameraProblem) {
    super(problem);
  }
}

/** Frames are scaled down to this width before decoding: enough for a code held up to a phone. */
const DECODE_WIDTH = 640;
const FRAME_INTERVAL_MS = 200;

function cameraProblem(error: unknown): CameraProblem {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return 'no-camera';
  return 'other';
}

export async function startScanner(video: HTMLVideoElement, onText: (text: string) => void): Promise<Scanner> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported');
  const [{ default: jsQR }, stream] = await Promise.all([
    import('jsqr'),
    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }).catch((error: unknown) => {
      throw new CameraError(cameraProblem(error));
    }),
  ]);
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play().catch(() => undefined);

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped || !context || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
    const scale = Math.min(1, DECODE_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    const code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
    if (code?.data) onText(code.data);
  }, FRAME_INTERVAL_MS);

  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}
