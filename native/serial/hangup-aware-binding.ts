/**
 * serialport's Unix binding retries a zero-byte read forever. A tty read returns 0 only at
 * hang-up (the USB CDC device or the pty master went away; with O_NONBLOCK "no data" is EAGAIN),
 * so an unplugged scanner would spin a core and never report `close`. This wraps the platform
 * binding so a zero-byte read, or any read error other than "try again", is a disconnect.
 */
import { read as fsRead } from 'node:fs';
import { promisify } from 'node:util';
import { autoDetect } from '@serialport/bindings-cpp';

type PlatformBinding = ReturnType<typeof autoDetect>;
type OpenOptions = Parameters<PlatformBinding['open']>[0];
type PortBinding = Awaited<ReturnType<PlatformBinding['open']>>;

const readAsync = promisify(fsRead);

interface UnixPortInternals {
  fd: number | null;
  poller: { once(event: 'readable', callback: (error: Error | null) => void): void };
}

function disconnected(message: string, code: string): Error {
  return Object.assign(new Error(message), { code, disconnect: true });
}

function hangupAwareRead(port: PortBinding & UnixPortInternals) {
  return async (buffer: Buffer, offset: number, length: number) => {
    for (;;) {
      if (port.fd === null) throw Object.assign(new Error('Port is not open'), { canceled: true });
      try {
        const { bytesRead } = await readAsync(port.fd, buffer, offset, length, null);
        if (bytesRead === 0) throw disconnected('serial device hung up (EOF)', 'EIO');
        return { bytesRead, buffer };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN' || code === 'EWOULDBLOCK' || code === 'EINTR') {
          await new Promise<void>((resolve, reject) =>
            port.poller.once('readable', (e: Error | null) => (e ? reject(e) : resolve())),
          );
          continue;
        }
        if ((error as { canceled?: boolean }).canceled) throw error;
        throw Object.assign(error as Error, { disconnect: true });
      }
    }
  };
}

export function hangupAwareBinding(): PlatformBinding {
  const base = autoDetect();
  if (process.platform === 'win32') return base;
  return {
    list: () => base.list(),
    async open(options: OpenOptions) {
      const port = (await base.open(options)) as PortBinding & UnixPortInternals;
      if (typeof port.fd === 'number' && port.poller) port.read = hangupAwareRead(port);
      return port;
    },
  } as PlatformBinding;
}
