import pino, { type Logger } from 'pino';

/**
 * Paths pino replaces with "[redacted]". Personal data goes in structured fields,
 * never in the message text, so these paths catch it wherever it is logged.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.password_hash',
  '*.token',
  '*.customerToken',
  '*.email',
  '*.phone',
  '*.given_name',
  '*.family_name',
  '*.givenName',
  '*.familyName',
  '*.address_line',
  '*.date_of_birth',
  '*.cardNumber',
  '*.apiKey',
  'apiKey',
  '*.text',
  'email',
  'phone',
  'password',
  'token',
];

export function createLogger(
  options: { level: string; pretty?: boolean; name?: string },
  destination?: pino.DestinationStream,
): Logger {
  const pinoOptions: pino.LoggerOptions = {
    name: options.name ?? 'tandem',
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      err: pino.stdSerializers.err,
      // Paths only: query strings can carry tokens (WebSocket auth) and search terms.
      req: (req: { method?: string; url?: string; id?: string }) => ({
        method: req.method,
        url: req.url?.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    ...(options.pretty && !destination
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
  return destination ? pino(pinoOptions, destination) : pino(pinoOptions);
}
