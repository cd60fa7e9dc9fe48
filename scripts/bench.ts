import { bundleFigures } from './bench/bundle-figures';
import { dataFigures } from './bench/data-figures';
import { importFigures } from './bench/import-figures';
import { BenchReport } from './bench/report';
import { importSize, sizes } from './bench/settings';

/**
 * `npm run bench`: figures, not pass/fail. Generated organisations of 500, 5,000 and 20,000 recommendations
 * with four updates each, against the emulator with 50 ms per request, compared with a naive client.
 */
const report = new BenchReport();
for (const size of sizes) await dataFigures(size, report);
if (importSize > 0) await importFigures(importSize, report);
bundleFigures(report);
report.write();
