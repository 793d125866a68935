import { sniffContentType } from './sniff-content-type';

const bytes = (hex: string, padding = 16) => Buffer.concat([Buffer.from(hex, 'hex'), Buffer.alloc(padding)]);
const ftyp = (brand: string) =>
  Buffer.concat([Buffer.from('00000018', 'hex'), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.alloc(16)]);

describe('sniffContentType', () => {
  it('knows PNG and JPEG by their signatures', () => {
    expect(sniffContentType(bytes('89504e470d0a1a0a'))).toBe('image/png');
    expect(sniffContentType(bytes('ffd8ffe0'))).toBe('image/jpeg');
    expect(sniffContentType(bytes('ffd8ffdb'))).toBe('image/jpeg');
  });

  it('tells MP4 from QuickTime by the ftyp box’s brand', () => {
    for (const brand of ['isom', 'mp41', 'mp42', 'avc1', 'iso5'])
      expect(sniffContentType(ftyp(brand))).toBe('video/mp4');
    expect(sniffContentType(ftyp('qt  '))).toBe('video/quicktime');
  });

  it('knows nothing else: text, GIF, PDF, an empty or cut-off file', () => {
    expect(sniffContentType(Buffer.from('这不是图片，只是改了扩展名的文本'))).toBeUndefined();
    expect(sniffContentType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeUndefined();
    expect(sniffContentType(Buffer.from('%PDF-1.7\n', 'latin1'))).toBeUndefined();
    expect(sniffContentType(Buffer.alloc(0))).toBeUndefined();
    expect(sniffContentType(Buffer.from('89504e47', 'hex'))).toBeUndefined();
    expect(sniffContentType(Buffer.from('00000018667479706d70', 'hex'))).toBeUndefined();
  });
});
