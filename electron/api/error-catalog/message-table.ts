/** A code → message table in the UI's two languages: Vietnamese first, English second. */
export type MessageTable = Record<string, { vi: string; en: string }>;
