import { clientErrorProblem, clientErrorResponse } from './client-errors';

describe('parser-level refusals', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'REQUEST.HEADERS_TOO_LARGE'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'REQUEST.TIMEOUT'],
    ['HPE_INVALID_METHOD', 400, 'REQUEST.MALFORMED_HTTP'],
    [undefined, 400, 'REQUEST.MALFORMED_HTTP'],
  ])('answers %s with %i problem+json and a stable code', (code, status, problemCode) => {
    expect(clientErrorProblem({ code }).code).toBe(problemCode);
    const raw = clientErrorResponse({ code });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toContain('Content-Type: application/problem+json');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(JSON.parse(body)).toMatchObject({ status, code: problemCode });
  });
});
