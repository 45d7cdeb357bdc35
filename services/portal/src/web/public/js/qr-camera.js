// Reads a QR code from the phone's or desk's camera: the browser's BarcodeDetector where it has one,
// otherwise jsQR (bundled) over video frames. Stops the camera as soon as a code is read.
export async function scanWithCamera(video, signal) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  await video.play();
  try {
    const detect = await detector();
    while (!signal.aborted) {
      const text = await detect(video);
      if (text) return text;
      await new Promise((r) => setTimeout(r, 150));
    }
    return null;
  } finally {
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  }
}

async function detector() {
  if ('BarcodeDetector' in window) {
    const native = new window.BarcodeDetector({ formats: ['qr_code'] });
    return async (video) => (await native.detect(video))[0]?.rawValue ?? null;
  }
  await loadScript('/assets/vendor/jsQR.js');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!video.videoWidth) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return window.jsQR(image.data, image.width, image.height)?.data ?? null;
  };
}

function loadScript(src) {
  if (window.jsQR) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src, onload: resolve, onerror: reject });
    document.head.append(script);
  });
}
