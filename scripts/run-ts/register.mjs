// Runs TypeScript sources directly: `node --import ./scripts/run-ts/register.mjs apps/api/src/main.ts`.
// Compiles with the same SWC settings as jest (jest.config.js), so a child process started from the
// tests runs exactly the code the tests import, without a `npm run build` first.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
