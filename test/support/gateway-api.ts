// One way for e2e specs to call the gateway's HTTP API: JSON in, JSON out, a bearer token.

/** One request: `GET` without a body; `token` overrides the default, `null` sends none (public API). */
export interface ApiRequest {
  method?: string;
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
}

export interface ApiResponse<B> {
  status: number;
  body: B;
  /** Not enumerable: `expect(response).toEqual({ status, body })` compares what the spec wrote. */
  readonly headers: Headers;
}

/**
 * `api(path, request)` against a running platform's gateway. Both arguments are read at each
 * call, so specs build it at describe level, before `beforeAll` has started the platform:
 *
 *   const api = gatewayApi<Json>(() => platform, () => zhengzhou);
 *   const created = await api('/api/v1/credit-records', { method: 'POST', body });
 */
export function gatewayApi<B = Record<string, unknown>>(platform: () => { gatewayUrl: string }, defaultToken: () => string | null = () => null) {
  return async (path: string, request: ApiRequest = {}): Promise<ApiResponse<B>> => {
    const token = request.token === undefined ? defaultToken() : request.token;
    const response = await fetch(`${platform().gatewayUrl}${path}`, {
      method: request.method ?? 'GET',
      headers: {
        ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
        ...(request.body ? { 'content-type': 'application/json' } : {}),
        ...request.headers,
      },
      body: request.body ? JSON.stringify(request.body) : undefined,
    });
    const answer = { status: response.status, body: (await response.json()) as B };
    return Object.defineProperty(answer, 'headers', { value: response.headers, enumerable: false }) as ApiResponse<B>;
  };
}
