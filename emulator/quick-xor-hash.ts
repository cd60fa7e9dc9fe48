/**
 * SharePoint's content hash for files (driveItem.file.hashes.quickXorHash): each byte XORed into a 160-bit
 * register at a position that moves 11 bits a byte, then the length XORed into its last 64 bits; base64.
 */
export function quickXorHash(content: Uint8Array): string {
  const register = new Uint8Array(20);
  let shift = 0;
  for (const byte of content) {
    const index = shift >> 3;
    const offset = shift & 7;
    const spread = byte << offset;
    register[index % 20] = (register[index % 20] ?? 0) ^ (spread & 0xff);
    register[(index + 1) % 20] = (register[(index + 1) % 20] ?? 0) ^ (spread >> 8);
    shift = (shift + 11) % 160;
  }
  let length = BigInt(content.length);
  for (let i = 0; i < 8; i++) {
    register[12 + i] = (register[12 + i] ?? 0) ^ Number(length & 0xffn);
    length >>= 8n;
  }
  return Buffer.from(register).toString('base64');
}
