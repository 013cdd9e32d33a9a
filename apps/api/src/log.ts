/**
 * Structured logs: one JSON object per line on stdout (errors on stderr), so any log collector
 * can read them. `HANSEI_LOG=silent|error|info|debug` sets the level (default info).
 */

export type LogLevel = 'debug' | 'info' | 'error';
const ORDER: Readonly<Record<LogLevel | 'silent', number>> = { debug: 10, info: 20, error: 30, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: string = process.env['HANSEI_LOG'] ?? 'info', write: (line: string, level: LogLevel) => void = defaultWrite): Logger {
  const threshold = ORDER[level as LogLevel] ?? ORDER.info;
  const emit = (at: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[at] < threshold) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields }), at);
  };
  return { debug: emit('debug'), info: emit('info'), error: emit('error') };
}

function defaultWrite(line: string, level: LogLevel): void {
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = createLogger('silent');
