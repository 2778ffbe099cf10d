import type { Command } from '../../shared/cli/command.ts';
import { parse } from '../../shared/cli/args.ts';
import { progressBar } from '../../shared/cli/progress.ts';
import { withDatabase } from '../../shared/cli/with-db.ts';
import { AppError } from '../../shared/errors.ts';
import { describeReport } from '../imports/import.command.ts';
import { buildDemo } from './demo.service.ts';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'outpost demo [--seed N] [--scale F] [--db URL]',
  summary: 'fill an empty database with the demonstration province (Jilin, 2019; generated data)',
  async run(argv, io) {
    const { values } = parse(argv, { seed: { type: 'string' }, scale: { type: 'string' } }, this.usage);
    const seed = Number(values.seed ?? 1);
    const scale = Number(values.scale ?? 1);
    if (!Number.isInteger(seed)) throw new AppError('option_not_whole', { option: 'seed', value: String(values.seed) });
    if (!(scale > 0 && scale <= 4))
      throw new AppError('option_out_of_range', { option: 'scale', value: String(values.scale), above: 0, max: 4 });
    return withDatabase(values.db, async (db) => {
      const bar = progressBar(io.stderr as NodeJS.WriteStream);
      const started = Date.now();
      const report = await buildDemo(db, {
        seed,
        scale,
        onProgress: (p) => bar.update(`demo ${p.phase} ${p.kind}`, p.rows),
      });
      bar.done(`demonstration province built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      io.stdout.write(describeReport(report));
      return 0;
    });
  },
};
