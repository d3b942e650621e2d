/** Just enough of the PNG, ICO and ICNS formats to check what the icon script wrote. */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const isPng = (data: Buffer): boolean => data.subarray(0, 8).equals(PNG_SIGNATURE);

/** Width and height from a PNG's IHDR chunk (always the first, right after the signature). */
export function pngSize(data: Buffer): { width: number; height: number } {
  if (!isPng(data) || data.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

export interface IcoEntry {
  /** From the directory (0 there means 256). */
  width: number;
  height: number;
  format: 'png' | 'bmp';
  /** From the image data itself: the PNG's IHDR or the BMP's info header. */
  imageWidth: number;
  imageHeight: number;
}

export function icoEntries(data: Buffer): IcoEntry[] {
  if (data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) throw new Error('not an ICO');
  return Array.from({ length: data.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = data.readUInt32LE(entry + 8);
    const image = data.subarray(data.readUInt32LE(entry + 12), data.readUInt32LE(entry + 12) + size);
    const png = isPng(image);
    return {
      width: data[entry] || 256,
      height: data[entry + 1] || 256,
      format: png ? 'png' : 'bmp',
      imageWidth: png ? pngSize(image).width : image.readInt32LE(4),
      // A BMP in an ICO stores colour and mask one above the other: twice the height.
      imageHeight: png ? pngSize(image).height : image.readInt32LE(8) / 2,
    };
  });
}

export interface IcnsEntry {
  type: string;
  data: Buffer;
}

export function icnsEntries(data: Buffer): IcnsEntry[] {
  if (data.toString('latin1', 0, 4) !== 'icns' || data.readUInt32BE(4) !== data.length) throw new Error('not an ICNS');
  const entries: IcnsEntry[] = [];
  for (let offset = 8; offset < data.length; ) {
    const length = data.readUInt32BE(offset + 4);
    entries.push({ type: data.toString('latin1', offset, offset + 4), data: data.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return entries;
}
