import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { DomainError, PlatformErrorCode, PROBLEM_CONTENT_TYPE, toProblem } from '@platform/errors';

/** Request line plus headers the server reads (Node's default, made explicit): more is a 431. */
export const MAX_HEADER_BYTES = 16 * 1024;

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** The refusal for an error Node's HTTP parser raised before any request existed. */
export function clientErrorProblem(error: { code?: string }): DomainError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new DomainError(PlatformErrorCode.HeadersTooLarge, 'headers-too-large', `The request line and headers exceed ${MAX_HEADER_BYTES} bytes.`);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return new DomainError(PlatformErrorCode.Timeout, 'request-timeout', 'The request was not received in time.');
    default:
      return DomainError.validation(
        PlatformErrorCode.MalformedHttp,
        [{ field: '(request)', message: String(error.code ?? 'unparseable'), code: 'MALFORMED_HTTP' }],
        'The request is not valid HTTP/1.1.',
      );
  }
}

/** The whole HTTP/1.1 response for a parser-level refusal: problem+json, then the connection closes. */
export function clientErrorResponse(error: { code?: string }): string {
  const problem = toProblem(clientErrorProblem(error));
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${problem.status} ${REASONS[problem.status] ?? 'Bad Request'}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Node answers a request it cannot parse (headers too large, a timeout, bad HTTP) itself, with a
 * bare status line and no body, before Express or any filter sees it. This listener replaces that
 * answer with problem+json and a stable code, like every other refusal.
 */
export function installClientErrorHandler(server: Server): void {
  // Read per connection by Node's parser (http.createServer's option, which Nest does not expose).
  (server as Server & { maxHeaderSize?: number }).maxHeaderSize = MAX_HEADER_BYTES;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const pending = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(error));
  });
}
