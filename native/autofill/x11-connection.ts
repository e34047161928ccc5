/**
 * One connection to the X server through the `x11` package (pure JavaScript: no native module,
 * nothing to unpack from app.asar), with promises instead of callbacks. It owns a small unmapped
 * window that serves as our selection owner and requestor, and reads the server's clock, which
 * X11 only reveals in events: an empty append to a property on that window answers with a
 * PropertyNotify stamped with the current server time (ICCCM §2.1).
 */
import x11, { type XClient, type XEvent, type XProperty } from 'x11';
import { AutofillError } from './autofill-error';
import { ATOM_NAMES, type AtomName } from './x11-selection-data';

export const PROPERTY_REPLACE = 0;
const APPEND = 2;
const INPUT_ONLY = 2;
const PROPERTY_NEW_VALUE = 0;

export interface X11Session {
  readonly client: XClient;
  /** Our unmapped InputOnly window. */
  readonly window: number;
  readonly atoms: Readonly<Record<AtomName, number>>;
  /** Largest property we write in one request (bytes), below the server's request limit. */
  readonly maxPropertyBytes: number;
  onEvent(listener: (event: XEvent) => void): () => void;
  /** The X server's current time (ms, 32-bit). */
  serverTime(): Promise<number>;
  /** Reads a property of our window, deleting it (the selection-transfer handshake). */
  takeProperty(property: number): Promise<XProperty>;
  close(): Promise<void>;
  readonly closed: boolean;
}

function noDisplay(display: string, cause: unknown): AutofillError {
  return new AutofillError('AUTOFILL_NO_DISPLAY', { display }, cause);
}

function connect(display: string, timeoutMs: number): Promise<{ client: XClient; root: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(noDisplay(display, new Error('X connection timed out')));
      client.terminate();
    }, timeoutMs);
    // shm: false keeps the connection a plain socket (no file-descriptor passing).
    const client = x11.createClient({ display, shm: false }, (error, opened) => {
      clearTimeout(timer);
      if (error || !opened) return reject(noDisplay(display, error));
      resolve({ client, root: opened.screen[0]!.root });
    });
    client.on('error', (error) => {
      clearTimeout(timer);
      reject(noDisplay(display, error));
    });
  });
}

function call<T>(run: (done: (error: Error | null | undefined, value: T) => void) => void) {
  return new Promise<T>((resolve, reject) => {
    run((error, value) => (error ? reject(error) : resolve(value)));
  });
}

export async function openX11Session(display: string, timeoutMs = 3000): Promise<X11Session> {
  const { client, root } = await connect(display, timeoutMs);
  const listeners = new Set<(event: XEvent) => void>();
  let closed = false;
  // Errors of requests that have no reply (a requestor window gone before we answered it) are
  // reported asynchronously; the selection logic copes with their effect, so they are not fatal.
  client.on('error', () => undefined);
  client.on('end', () => {
    closed = true;
  });
  client.on('event', (event) => {
    for (const listener of [...listeners]) listener(event);
  });
  const onEvent = (listener: (event: XEvent) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };

  const atoms = {} as Record<AtomName, number>;
  try {
    await Promise.all(
      ATOM_NAMES.map(async (name) => {
        atoms[name] = await call<number>((done) => client.InternAtom(false, name, done));
      }),
    );
  } catch (error) {
    client.terminate();
    throw new AutofillError('AUTOFILL_CLIPBOARD_FAILED', { reason: 'InternAtom failed' }, error);
  }
  const window = client.AllocID();
  client.CreateWindow(window, root, -10, -10, 1, 1, 0, 0, INPUT_ONLY, 0, {
    eventMask: x11.eventMask.PropertyChange,
    overrideRedirect: 1,
  });

  const awaitProperty = (property: number, state: number, timeoutMs: number) =>
    new Promise<XEvent | null>((resolve) => {
      const timer = setTimeout(() => finish(null), timeoutMs);
      const off = onEvent((event) => {
        if (
          event.name === 'PropertyNotify' &&
          event.wid === window &&
          event.atom === property &&
          event.state === state
        ) {
          finish(event);
        }
      });
      function finish(event: XEvent | null) {
        clearTimeout(timer);
        off();
        resolve(event);
      }
    });

  return {
    client,
    window,
    atoms,
    // Without BIG-REQUESTS a request is at most 65535 four-byte units; keep headroom.
    maxPropertyBytes: 64 * 1024,
    get closed() {
      return closed;
    },
    onEvent,
    async serverTime() {
      const stamp = awaitProperty(atoms.MOTCUA_TIMESTAMP, PROPERTY_NEW_VALUE, timeoutMs);
      client.ChangeProperty(
        APPEND,
        window,
        atoms.MOTCUA_TIMESTAMP,
        atoms.STRING,
        8,
        Buffer.alloc(0),
      );
      const event = await stamp;
      if (!event) {
        throw new AutofillError('AUTOFILL_CLIPBOARD_FAILED', { reason: 'X server did not answer' });
      }
      return event.time!;
    },
    takeProperty: (property) =>
      call<XProperty>((done) => client.GetProperty(1, window, property, 0, 0, 0x1000_0000, done)),
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        listeners.clear();
        const timer = setTimeout(() => (client.terminate(), resolve()), 1000);
        client.close(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
