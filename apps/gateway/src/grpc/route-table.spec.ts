import type { DynamicModule, Type } from '@nestjs/common';
import { loadSync, ServiceDefinition } from '@grpc/proto-loader';
import { getMetadataStorage } from 'class-validator';
import { ProtoPackages } from '@contracts';
import { AppModule } from '../app.module';
import type { GatewayConfig } from '../gateway.definition';
import { REST_TWIN_SERVICES, routeTable } from './route-table';
import { pathParameters, RestRoute, restRouteOf, restRoutes } from './rest-routes';

/** Every controller the gateway's module tree registers (what Nest's router routes). */
function controllersOf(module: DynamicModule | Type<unknown>, seen = new Set<unknown>()): Type<object>[] {
  const type = 'module' in module ? module.module : module;
  if (seen.has(module)) return [];
  seen.add(module);
  const dynamic = 'module' in module ? module : undefined;
  const own = [...((Reflect.getMetadata('controllers', type) as Type<object>[] | undefined) ?? []), ...(dynamic?.controllers ?? [])];
  const imports = [...((Reflect.getMetadata('imports', type) as Type<unknown>[] | undefined) ?? []), ...(dynamic?.imports ?? [])];
  return [...own, ...imports.flatMap((i) => controllersOf(i as DynamicModule, seen))];
}

const config = { GATEWAY_RATE_LIMIT_PER_MINUTE: 60, GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: 60 } as GatewayConfig;
const served: RestRoute[] = restRoutes(controllersOf(AppModule.register(config)));
const proto = loadSync(ProtoPackages.gateway.protoPath, { keepCase: false, defaults: true });

describe('the route → RPC table of the gateway gRPC face (issue 20 item 6, ADR 0078)', () => {
  it('reads the routes the gateway serves (a sample from each face proves the reader sees them all)', () => {
    const routes = served.map((r) => r.route);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/v1/credit-records',
        'GET /public/v1/subjects/:uscc',
        'POST /api/v1/auth/token',
        'GET /health/ready',
        'POST /exchange/v1/list-entries',
      ]),
    );
  });

  it('gives every REST route an RPC or a documented reason, exactly once, and names no route that is not served', () => {
    const rows = routeTable();
    const missing = served.filter((r) => !rows.some((row) => row.route === r.route)).map((r) => r.route);
    expect(missing).toEqual([]);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.route, (counts.get(row.route) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect(rows.filter((row) => !served.some((r) => r.route === row.route)).map((r) => r.route)).toEqual([]);
    expect(rows.filter((row) => row.reason !== undefined && row.reason.trim().length < 10)).toEqual([]);
  });

  it('names RPCs the gateway proto defines, and no RPC is in the proto without its route', () => {
    const named = routeTable().flatMap((row) => (row.rpc ? [row.rpc] : []));
    const defined = Object.entries(proto)
      .filter(([name]) => name.startsWith('gateway.v1.') && name.endsWith('Service'))
      .flatMap(([, service]) => Object.values(service as ServiceDefinition).map((m) => m.path.slice(1)));
    expect([...new Set(named)].sort()).toEqual([...new Set(defined)].sort());
  });

  it("carries every path and query parameter of a twin's route, its body and its idempotency key in the RPC's request", () => {
    for (const { service, twins } of REST_TWIN_SERVICES) {
      for (const twin of twins) {
        const route = restRouteOf(twin.controller, twin.handler)!;
        const fields = requestFields(`gateway.v1.${service}`, twin.rpc);
        const expected = [...pathParameters(route.path), ...queryParameters(route)];
        expect({ rpc: twin.rpc, missing: expected.filter((name) => !fields.includes(name)) }).toEqual({ rpc: twin.rpc, missing: [] });
        // A DELETE names its target in the path and carries no body (DELETE /exchange/v1/list-entries/{id}).
        if (route.method !== 'GET' && route.method !== 'DELETE')
          expect({ rpc: twin.rpc, body: fields.some((f) => f === 'bodyJson' || f === 'ndjson') }).toEqual({ rpc: twin.rpc, body: true });
      }
    }
  });
});

function requestFields(service: string, rpc: string): string[] {
  const method = (proto[service] as ServiceDefinition)[rpc];
  const type = (method.requestType as unknown as { type: { field: { name: string }[] } }).type;
  return type.field.map((f) => f.name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()));
}

/** The query parameters a handler reads: `@Query('name')`, or every property of its query DTO. */
function queryParameters(route: RestRoute): string[] {
  const args = Object.values(Reflect.getMetadata('__routeArguments__', route.controller, route.handler) ?? {}) as { index: number; data?: string }[];
  const keys = Object.keys(Reflect.getMetadata('__routeArguments__', route.controller, route.handler) ?? {});
  const types = (Reflect.getMetadata('design:paramtypes', route.controller.prototype, route.handler) ?? []) as Type<unknown>[];
  return keys.flatMap((key, i) => {
    if (!key.startsWith('4:')) return [];
    if (args[i].data) return [args[i].data];
    return getMetadataStorage()
      .getTargetValidationMetadatas(types[args[i].index], '', true, false)
      .map((m) => m.propertyName);
  });
}
