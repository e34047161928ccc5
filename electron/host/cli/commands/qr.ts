import { parseQrPayload } from '../../../services/intake/qr-result';
import { vnDay } from '../../../services/shared/vn-time';
import { EXIT, parseCommandArgs, writeLine, type Command } from '../cli-kit';

/** Splits a byte stream on LF (dropping one CR before it) without decoding it. */
export async function* byteLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pending = Buffer.alloc(0);
  for await (const chunk of stream) {
    pending = Buffer.concat([
      pending,
      typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk,
    ]);
    let newline: number;
    while ((newline = pending.indexOf(0x0a)) !== -1) {
      const end = newline > 0 && pending[newline - 1] === 0x0d ? newline - 1 : newline;
      yield pending.subarray(0, end);
      pending = pending.subarray(newline + 1);
    }
  }
  if (pending.length > 0) yield pending;
}

/** `qr parse`: one payload per stdin line, as raw bytes (never assumed UTF-8); one JSON per line. */
export const qrParseCommand: Command = {
  name: 'qr parse',
  summary: 'Phân tích nội dung mã QR thẻ căn cước đọc từ stdin (mỗi dòng một mã), in JSON',
  usage: 'qr parse [--json]  < payloads.txt',
  async run(argv, io) {
    parseCommandArgs(argv, { json: { type: 'boolean', default: true } });
    const today = vnDay(Date.now());
    let failures = 0;
    for await (const line of byteLines(io.stdin as AsyncIterable<Buffer>)) {
      const result = parseQrPayload(line, today);
      if (!result.ok) failures += 1;
      writeLine(io.stdout, JSON.stringify(result));
    }
    return failures === 0 ? EXIT.ok : EXIT.domainError;
  },
};
