// Length-prefixed MessagePack frames (docs/protocol.md): 4-byte big-endian length, then one map.
import { Packr, Unpackr } from 'msgpackr';

const packr = new Packr({ useRecords: false });
const unpackr = new Unpackr({ useRecords: false, mapsAsObjects: true });

export type Frame = { t: string } & Record<string, unknown>;

export function encodeFrame(frame: Frame): Buffer {
  const body = packr.pack(frame);
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

/**
 * Splits a byte stream into frames. Chunks are kept in a list and joined once per frame, so a
 * frame of hundreds of megabytes costs one copy, not one per chunk.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Body length of the frame being read, once its header is in. */
  private need: number | null = null;

  constructor(private readonly onFrame: (frame: Frame) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.need === null) {
        if (this.buffered < 4) return;
        this.need = this.take(4).readUInt32BE(0);
      }
      if (this.buffered < this.need) return;
      const body = this.take(this.need);
      this.need = null;
      this.onFrame(unpackr.unpack(body) as Frame);
    }
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const chunk = this.chunks[0];
        const use = Math.min(chunk.length, n - filled);
        chunk.copy(out, filled, 0, use);
        filled += use;
        if (use === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(use);
      }
    }
    this.buffered -= n;
    return out;
  }
}
