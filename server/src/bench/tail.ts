// Follows a file another process appends to (QEMU's console log, a local harness's --out file) and
// hands over complete lines. Polling keeps it simple and works on any filesystem.
import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { LineSplitter } from './protocol';

export class FileTail {
  private fh?: FileHandle;
  private pos = 0;
  private timer?: NodeJS.Timeout;
  private busy = false;
  private readonly splitter: LineSplitter;
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly path: string,
    onLine: (line: string) => void,
    private readonly intervalMs = 250,
  ) {
    this.splitter = new LineSplitter(onLine);
  }

  start(): void {
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
  }

  private async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.fh ??= await open(this.path, 'r');
      const buf = Buffer.alloc(64 * 1024);
      for (;;) {
        const { bytesRead } = await this.fh.read(buf, 0, buf.length, this.pos);
        if (bytesRead === 0) break;
        this.pos += bytesRead;
        this.splitter.push(this.decoder.write(buf.subarray(0, bytesRead)));
      }
    } catch {
      // not created yet: try again on the next tick
    } finally {
      this.busy = false;
    }
  }

  /** Reads what is left, flushes a last partial line, closes. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    while (this.busy) await new Promise((r) => setTimeout(r, 10));
    await this.poll();
    this.splitter.flush();
    await this.fh?.close();
    this.fh = undefined;
  }
}
