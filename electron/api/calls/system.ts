import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { noInput } from '../schemas';

export const systemCalls = {
  'system.info': defineCall({
    summary: 'Version, host mode, data location and database schema status.',
    input: noInput,
    output: z.object({
      appVersion: z.string(),
      host: z.enum(['electron', 'web']),
      dataDir: z.string(),
      databaseFile: z.string(),
      schemaVersion: z.number().int(),
      catalogVersion: z.string().nullable(),
      timeZone: z.literal('Asia/Ho_Chi_Minh'),
    }),
    errors: [],
  }),
};
