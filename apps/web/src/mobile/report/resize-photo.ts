/** The longest edge a stored photo keeps: enough to read a sign or a crack, and about 300 KB as JPEG. */
export const PHOTO_MAX_EDGE = 1600;
const JPEG_QUALITY = 0.82;

/**
 * The camera's photo made small enough to wait in the phone and go over a weak network: at most PHOTO_MAX_EDGE px
 * on the long edge, re-encoded as JPEG (which also drops the EXIF block with its own GPS and device data). The
 * result is stored and sent as it is, so every retry uploads the same bytes.
 */
export async function resizePhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, PHOTO_MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d context unavailable');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', JPEG_QUALITY),
  );
}
