/** The one catalogue of error codes: every failure the app reports carries one of these. */
export const ERROR_CATALOGUE = {
  CONFIG_INVALID: { status: 500, message: 'The configuration is invalid' },
  DIALOG_INVALID: { status: 500, message: 'A dialog file is invalid' },
  CONTENT_INVALID: { status: 500, message: 'A content file is invalid' },
  LOCALE_INVALID: { status: 500, message: 'A locale file is invalid' },
  STORE_UNAVAILABLE: { status: 503, message: 'The database does not answer' },
  LOCK_TIMEOUT: { status: 503, message: 'The conversation is busy' },
  STATE_CONFLICT: { status: 503, message: 'The conversation changed during the turn' },
  TURN_FAILED: { status: 500, message: 'The turn failed' },
  BAD_REQUEST: { status: 400, message: 'The request is invalid' },
  UNAUTHORIZED: { status: 401, message: 'Authentication is required' },
  FORBIDDEN: { status: 403, message: 'Not allowed' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  CONFLICT: { status: 409, message: 'Conflict' },
} as const;

/** A code from the catalogue. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The single error class the app throws on purpose; anything else is a bug reported as TURN_FAILED. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${ERROR_CATALOGUE[code].message}: ${detail}` : ERROR_CATALOGUE[code].message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
  }
}

const STORE_ERROR_NAMES = new Set([
  'MongoNetworkError', 'MongoServerSelectionError', 'MongoNotConnectedError', 'MongoTopologyClosedError',
  'MongoNetworkTimeoutError', 'MongooseServerSelectionError', 'MongoPoolClearedError',
]);

/** Maps any thrown value to a catalogue code, so logs and metrics never need the raw error. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (error instanceof AppError) return error.code;
  if (error instanceof Error && STORE_ERROR_NAMES.has(error.name)) return 'STORE_UNAVAILABLE';
  if (error instanceof Error && /buffering timed out|ECONNREFUSED|connection .* closed/i.test(error.message)) {
    return 'STORE_UNAVAILABLE';
  }
  return 'TURN_FAILED';
}
