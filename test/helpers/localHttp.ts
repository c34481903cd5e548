// A plain HTTP/1.1 client over TCP on 127.0.0.1 for the differential tests that serve requests with the real servers:
// it sends raw requests (keep-alive, a PROXY line) and reads responses by Content-Length, every wait bounded.
import { createServer, connect, Socket } from 'node:net';

/** A TCP port nobody listens on now (asked of the system, then released for the server under test). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Connects to 127.0.0.1:port, retrying while the server comes up (at most `attempts` times). */
async function connectWhenUp(port: number, attempts = 50): Promise<Socket> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => resolve(socket));
        socket.once('error', reject);
      });
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A client connection: sends a request and waits (at most `limitMs`) for one whole response, or for the close. */
export class Client {
  private buffer = '';
  closed = false;
  private waiting: (() => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.waiting?.();
    });
    const onClose = (): void => {
      this.closed = true;
      this.waiting?.();
    };
    socket.on('close', onClose);
    socket.on('error', onClose);
  }

  static async open(port: number): Promise<Client> {
    return new Client(await connectWhenUp(port));
  }

  /** The response, or undefined when the connection closed or none came within the limit. */
  async request(text: string, limitMs = 10_000): Promise<string | undefined> {
    if (this.closed) return undefined;
    this.socket.write(text);
    const deadline = Date.now() + limitMs;
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end >= 0) {
        const length = Number(/^content-length:\s*(\d+)/im.exec(this.buffer.slice(0, end))?.[1] ?? 0);
        if (this.buffer.length >= end + 4 + length) {
          const response = this.buffer.slice(0, end + 4 + length);
          this.buffer = this.buffer.slice(end + 4 + length);
          return response;
        }
      }
      if (this.closed || Date.now() >= deadline) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = undefined;
    }
  }

  /** Whether the server closes the connection within the limit. */
  async closesWithin(limitMs: number): Promise<boolean> {
    const deadline = Date.now() + limitMs;
    while (!this.closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }
}
