/**
 * The part of the `x11` npm package (a pure-JavaScript X11 protocol client, no native code) that
 * the clipboard adapter uses. The package ships no types; these follow its docs/core-requests.md
 * and docs/core-events.md.
 */
declare module 'x11' {
  export interface XEvent {
    name: string;
    time?: number;
    owner?: number;
    requestor?: number;
    selection?: number;
    target?: number;
    property?: number;
    wid?: number;
    atom?: number;
    /** PropertyNotify: 0 NewValue, 1 Deleted. */
    state?: number;
  }

  export interface XProperty {
    type: number;
    format: number;
    bytesAfter: number;
    data: Buffer;
  }

  type Callback<T> = (error: Error | null | undefined, value: T) => void;

  export interface XClient {
    AllocID(): number;
    CreateWindow(
      wid: number,
      parent: number,
      x: number,
      y: number,
      width: number,
      height: number,
      borderWidth: number,
      depth: number,
      windowClass: number,
      visual: number,
      values: { eventMask?: number; overrideRedirect?: number },
    ): void;
    InternAtom(onlyIfExists: boolean, name: string, callback: Callback<number>): void;
    ChangeProperty(
      mode: number,
      wid: number,
      property: number,
      type: number,
      format: number,
      data: Buffer | number[],
    ): void;
    GetProperty(
      del: number,
      wid: number,
      property: number,
      type: number,
      longOffset: number,
      longLength: number,
      callback: Callback<XProperty>,
    ): void;
    SetSelectionOwner(owner: number, selection: number, time: number): void;
    GetSelectionOwner(selection: number, callback: Callback<number>): void;
    ConvertSelection(
      requestor: number,
      selection: number,
      target: number,
      property: number,
      time: number,
    ): void;
    SendEvent(
      destination: number,
      propagate: number,
      eventMask: number,
      event: {
        name: 'SelectionNotify';
        time: number;
        requestor: number;
        selection: number;
        target: number;
        property: number;
      },
    ): void;
    sync(): Promise<void>;
    close(callback?: (error?: Error) => void): void;
    terminate(): void;
    on(event: 'event', listener: (event: XEvent) => void): this;
    on(event: 'error' | 'end', listener: (error?: Error) => void): this;
  }

  export interface XDisplay {
    client: XClient;
    screen: { root: number }[];
    max_request_length?: number;
  }

  export function createClient(
    options: { display?: string; shm?: boolean; disableBigRequests?: boolean },
    callback: (error: Error | null | undefined, display: XDisplay) => void,
  ): XClient;

  export const eventMask: { PropertyChange: number };
}
