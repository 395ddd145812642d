// The server's logger: the caller's pino logger or a built-in one at a level, and the adapter that sends Yoga's
// own log lines to it.
import type { YogaLogger } from 'graphql-yoga';
import { type Logger, pino } from 'pino';

export function createLogger(option: Logger | pino.LevelWithSilent | undefined): Logger {
  if (option && typeof option === 'object') return option;
  return pino({ name: 'syncline-server', level: option ?? 'info' });
}

/** Yoga logs with console-style arguments; pino wants one message (and an error under `err`). */
export function yogaLogging(logger: Logger): YogaLogger {
  return {
    debug: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
    info: (...args: unknown[]) => logger.info(args.map(String).join(' ')),
    warn: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
    error: (...args: unknown[]) =>
      logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
  };
}
