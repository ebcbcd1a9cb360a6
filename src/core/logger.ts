import pino from 'pino';

/** The logging surface the core needs; pino fits it, tests can pass a capturing one. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: Record<string, string | number>): Logger;
}

/** Paths pino blanks out, as a second guard: code never logs these at info level in the first place. */
export const REDACTED_PATHS = [
  'text', '*.text', 'phone', '*.phone', 'email', '*.email', 'name', '*.name', 'address', '*.address',
  'req.headers.authorization', 'req.headers.cookie', 'token', '*.token',
];

/** Builds the structured JSON logger of the app. */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'digipunt' } }, destination);
}
