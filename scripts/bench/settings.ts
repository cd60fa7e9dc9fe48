import type { Meeting } from '../../src/domain';

/** What the bench measures with: emulator latency per request, organisation sizes, the import's size. */
export const latency = Number(process.env.BENCH_LATENCY_MS ?? 50);
export const sizes = (process.env.BENCH_SIZES ?? '500,5000,20000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
export const importSize = Number(process.env.BENCH_IMPORT_SIZE ?? 5000);
export const owner = { email: 'priya.fleet@northmere.example', name: 'Priya Anand' };
export const others = ['tom.vetting@northmere.example', 'grace.hr@northmere.example', 'ben.finance@northmere.example'];
export const today = '2025-05-20';
export const meeting: Meeting = { id: 'm', title: 'Panel', date: '2025-06-24', updateDeadline: '2025-06-03', cycle: 'June 2025' };
