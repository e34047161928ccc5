import { seedDemoOffice } from '../../../services/demo/demo-service';
import { systemClock } from '../../../services/shared/clock';
import {
  COMMON_OPTIONS,
  EXIT,
  parseCommandArgs,
  positiveInt,
  printJson,
  writeLine,
  type Command,
} from '../cli-kit';
import { withCliServices } from '../open-services';

export const demoSeedCommand: Command = {
  name: 'demo seed',
  summary: 'Tạo dữ liệu mẫu (tên và số định danh tổng hợp) cho trình diễn và đo hiệu năng',
  usage: 'demo seed --days N [--per-day N] [--seed N] [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      days: { type: 'string' },
      'per-day': { type: 'string' },
      seed: { type: 'string' },
    });
    const days = positiveInt('days', values.days, 30);
    const perWeekday = positiveInt('per-day', values['per-day'], 760);
    const seed = positiveInt('seed', values.seed, 6);
    return withCliServices(io, values['data-dir'], values.json, async ({ services }) => {
      const started = performance.now();
      const result = seedDemoOffice(services, systemClock, {
        days,
        perWeekday,
        seed,
        ...(values.json
          ? {}
          : {
              onProgress: (d: number, n: number) =>
                writeLine(io.stderr, `  … ${d}/${days} ngày, ${n} hồ sơ`),
            }),
      });
      const seconds = (performance.now() - started) / 1000;
      if (values.json) printJson(io, { ok: true, ...result, seconds });
      else
        writeLine(
          io.stdout,
          `Đã tạo ${result.dossiers} hồ sơ mẫu cho ${result.citizens} công dân mẫu (${result.office}) và ${result.documents} tài liệu số hóa mẫu, từ ${result.from} đến ${result.to} trong ${seconds.toFixed(1)} giây.`,
        );
      return EXIT.ok;
    });
  },
};
