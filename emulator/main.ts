import { parseArgs } from 'node:util';
import { startEmulator } from './server';

/** `npm run emulator -- --port N --data DIR|:memory: [--latency MS] [--faults 429:0.1,503:0.05] [--dev-clock]` */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5001' },
    data: { type: 'string', default: '.data' },
    latency: { type: 'string', default: '0' },
    faults: { type: 'string', default: '' },
    'retry-after': { type: 'string', default: '1' },
    'dev-clock': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
const latency = Number(values.latency);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a port number');
if (!Number.isFinite(latency) || latency < 0) throw new Error('--latency must be milliseconds, 0 or more');

const data = values.data === ':memory:' ? ':memory:' : `${values.data.replace(/\/$/, '')}/graph.sqlite`;
const emulator = await startEmulator({
  data,
  port,
  latencyMs: latency,
  faults: values.faults,
  retryAfterSeconds: Number(values['retry-after']),
  devClock: values['dev-clock'],
});
console.log(`Graph emulator on ${emulator.graphBase} (data: ${data})`);
const stop = (): void => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
