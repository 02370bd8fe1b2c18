import { ConfigError } from '#aduan/infrastructure';
import { anchorCommand, ANCHOR_USAGE } from './commands/anchor.command.js';
import { copyEventsCommand, COPY_EVENTS_USAGE } from './commands/copy-events.command.js';
import { rebuildProjectionsCommand, REBUILD_USAGE } from './commands/rebuild-projections.command.js';
import { replayCommand, REPLAY_USAGE } from './commands/replay.command.js';
import { tokenCommand, TOKEN_USAGE } from './commands/token.command.js';
import { verifyCommand, VERIFY_USAGE } from './commands/verify.command.js';
import { UsageError } from './usage-error.js';

const logger = {
  log: (message: string) => process.stderr.write(`${message}\n`),
  error: (message: string) => process.stderr.write(`error: ${message}\n`),
};

const COMMANDS: Record<string, { usage: string; run: (args: string[]) => Promise<void> }> = {
  token: { usage: TOKEN_USAGE, run: tokenCommand },
  'rebuild-projections': { usage: REBUILD_USAGE, run: (args) => rebuildProjectionsCommand(args, logger) },
  'copy-events': { usage: COPY_EVENTS_USAGE, run: (args) => copyEventsCommand(args, logger) },
  replay: { usage: REPLAY_USAGE, run: (args) => replayCommand(args, logger) },
  verify: {
    usage: VERIFY_USAGE,
    run: async (args) => {
      if (!(await verifyCommand(args, logger))) process.exitCode = 1;
    },
  },
  anchor: { usage: ANCHOR_USAGE, run: (args) => anchorCommand(args, logger) },
};

const usage = () =>
  `Usage: npm run cli -- <command> [options]\n\n${Object.values(COMMANDS)
    .map((c) => c.usage)
    .join('\n\n')}\n`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    await command.run(args);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\nUsage: npm run cli -- ${command.usage}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`${name} failed: ${(error as Error).message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
