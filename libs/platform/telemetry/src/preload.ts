// Loaded with `node --require` before any application module (see tracing.ts for why).
import { startTracing, stopTracing } from './tracing';

startTracing();
// Flush spans after Nest has finished its own shutdown hooks on SIGTERM.
process.once('beforeExit', () => void stopTracing());
