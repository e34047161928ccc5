/** The two IPC channels of the desktop app; nothing else crosses between renderer and main. */
export const CALL_CHANNEL = 'motcua:call';
export const EVENT_CHANNEL = 'motcua:event';
