import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { citizenSchema, warningSchema } from '../schemas';

export const parsedCitizenSchema = citizenSchema.extend({ extraFields: z.array(z.string()) });

export const intakeCalls = {
  'intake.parseQr': defineCall({
    summary: 'Decode the text of a CCCD / thẻ căn cước QR code into a citizen record.',
    input: z.object({ text: z.string().max(8192) }),
    output: z.object({ citizen: parsedCitizenSchema, warnings: z.array(warningSchema) }),
    errors: [
      'QR_EMPTY',
      'QR_TOO_LONG',
      'QR_NOT_CCCD',
      'QR_VNEID_TOKEN',
      'QR_COVID_PASS',
      'QR_URL',
      'QR_FIELD_COUNT',
      'QR_ID_INVALID',
      'QR_OLD_ID_INVALID',
      'QR_NAME_INVALID',
      'QR_DATE_INVALID',
      'QR_SEX_INVALID',
      'QR_ENCODING',
    ],
  }),
};
