import { pathToFileURL } from 'node:url';

/**
 * One side of compare-builds.ts: starts the bench app of the build in `dist` (argument 1) on a
 * database (argument 2), tells the parent its URL and pid, and closes when the parent says so. The
 * app is imported from that build's own files, so two builds of the project can be compared.
 */
async function main(): Promise<void> {
  const [dist, databaseUrl] = process.argv.slice(2);
  if (!dist || !databaseUrl) throw new Error('usage: compare-builds-server.js <dist folder> <database url>');
  const module = (await import(pathToFileURL(`${dist}/bench/app/bench-app.js`).href)) as {
    startBenchApp(url: string): Promise<{ graphqlUrl: string; close(): Promise<void> }>;
  };
  const app = await module.startBenchApp(databaseUrl);
  process.once('message', () => {
    void app.close().finally(() => process.exit(0));
  });
  process.send?.({ graphqlUrl: app.graphqlUrl, pid: process.pid });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
