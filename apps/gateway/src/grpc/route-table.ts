import { COMMITMENT_FINDINGS_TWINS } from '../commitment-findings/commitment-findings.grpc.controller';
import { CREDIT_RECORDS_TWINS } from '../credit-records/credit-records-twins.grpc.controller';
import { EVALUATION_TWINS } from '../evaluation/evaluation.grpc.controller';
import { EXCHANGE_TWINS } from '../exchange/exchange.grpc.controller';
import { LICENCES_TWINS } from '../licences/licences.grpc.controller';
import { MEASURES_TWINS } from '../measures/measures-twins.grpc.controller';
import { PERMITS_TWINS } from '../permits/permits.grpc.controller';
import { REGISTRY_TWINS } from '../registry/registry-twins.grpc.controller';
import { REPAIR_TWINS } from '../repair/repair.grpc.controller';
import type { RestTwinService } from './rest-twin';
import { restRouteOf } from './rest-routes';

/** Every gateway.v1 service whose RPCs run REST handlers (RestTwinInvoker). */
export const REST_TWIN_SERVICES: RestTwinService[] = [
  CREDIT_RECORDS_TWINS,
  EVALUATION_TWINS,
  MEASURES_TWINS,
  COMMITMENT_FINDINGS_TWINS,
  REGISTRY_TWINS,
  LICENCES_TWINS,
  PERMITS_TWINS,
  REPAIR_TWINS,
  EXCHANGE_TWINS,
];

/**
 * RPCs written by hand before the twins (typed messages of their own), with the route each
 * mirrors: they share the REST route's mapper or upstream call (RecordSubmissions, decision.mapper,
 * the registry DTOs).
 */
const HAND_WRITTEN: Record<string, string> = {
  'POST /api/v1/credit-records': 'gateway.v1.CreditRecordsGatewayService/SubmitRecord',
  'POST /api/v1/measures/decisions': 'gateway.v1.MeasuresGatewayService/Decide',
  'PUT /api/v1/registry/enterprises/:uscc': 'gateway.v1.RegistryGatewayService/PutEnterprise',
  'GET /api/v1/registry/enterprises/:uscc': 'gateway.v1.RegistryGatewayService/GetEnterprise',
  'PUT /api/v1/registry/vehicles/:key': 'gateway.v1.RegistryGatewayService/PutVehicle',
  'GET /api/v1/registry/vehicles/:key': 'gateway.v1.RegistryGatewayService/GetVehicle',
  'PUT /api/v1/registry/drivers/:citizenId': 'gateway.v1.RegistryGatewayService/PutDriver',
  'GET /api/v1/registry/drivers/:citizenId': 'gateway.v1.RegistryGatewayService/GetDriver',
};

const PUBLIC = 'public, anonymous and address-limited (/public/v1): not an integrator or partner operation; no token to carry';
const PORTAL = 'public portal HTML and its assets';
const ADMIN = 'admin-only (operator configuration, scope admin): served to the operator console over REST only';
const BINARY =
  'binary file (PDF, image or video up to 20 MiB, type sniffed from the bytes) uploaded or downloaded as the raw HTTP body; the twins carry JSON documents, a bytes-typed RPC is future work (ADR 0078)';
const PROBE = 'process probe or metrics scrape, not an API operation; gRPC has grpc.health.v1.Health';

/** REST routes with no RPC, each with why (ADR 0078). A route is here or has an RPC, never neither. */
const NO_RPC: Record<string, string> = {
  'GET /': PORTAL,
  'GET /portal/:name': PORTAL,
  'GET /public/v1/subjects': PUBLIC,
  'GET /public/v1/subjects/:uscc': PUBLIC,
  'GET /public/v1/subjects/:uscc/report': `${PUBLIC}; answers a binary PDF`,
  'GET /public/v1/reports/:code': PUBLIC,
  'GET /public/v1/lists/:listType': PUBLIC,
  'GET /public/v1/publication-log': PUBLIC,
  'GET /public/v1/publication-log/items/:publicationId': PUBLIC,
  'GET /public/v1/permits/:permitNo': PUBLIC,
  'GET /public/v1/permits/:permitNo/qr': `${PUBLIC}; answers a binary image`,
  'POST /api/v1/auth/token': 'issues the access token every gRPC call carries (OAuth 2.0 client credentials over HTTP, RFC 6749 §4.4)',
  'GET /.well-known/jwks.json': 'public keys that verify access tokens (RFC 7517), fetched over HTTP by convention',
  'POST /api/v1/permit-attachments': BINARY,
  'GET /api/v1/permit-attachments/:sha256': BINARY,
  'POST /api/v1/repair-evidence': BINARY,
  'GET /api/v1/repair-evidence/:sha256': BINARY,
  'POST /exchange/v1/repair-evidence': BINARY,
  'GET /health/live': PROBE,
  'GET /health/ready': PROBE,
  'GET /metrics': PROBE,
  'GET /api/v1/partner-list-entries': ADMIN,
  'GET /api/v1/admin/partner-feeds': ADMIN,
  'GET /api/v1/admin/partner-feeds/dead-letters': ADMIN,
  'POST /api/v1/admin/clients': ADMIN,
  'GET /api/v1/admin/clients': ADMIN,
  'GET /api/v1/admin/clients/:clientId': ADMIN,
  'POST /api/v1/admin/clients/:clientId/rotation': ADMIN,
  'POST /api/v1/admin/clients/:clientId/disable': ADMIN,
  'GET /api/v1/admin/measure-mappings': ADMIN,
  'GET /api/v1/admin/measure-mappings/versions/:version': ADMIN,
  'PUT /api/v1/admin/measure-mappings': ADMIN,
  'GET /api/v1/admin/draw-plans': ADMIN,
  'GET /api/v1/admin/draw-plans/versions/:version': ADMIN,
  'PUT /api/v1/admin/draw-plans': ADMIN,
  'GET /api/v1/admin/entry-rules': ADMIN,
  'GET /api/v1/admin/entry-rules/versions/:version': ADMIN,
  'PUT /api/v1/admin/entry-rules': ADMIN,
  'GET /api/v1/admin/grade-recognition-tables': ADMIN,
  'GET /api/v1/admin/grade-recognition-tables/:id/versions/:version': ADMIN,
  'PUT /api/v1/admin/grade-recognition-tables/:id': ADMIN,
  'PUT /api/v1/entry-rules': ADMIN,
  'PUT /api/v1/evaluation-schemes/:id': ADMIN,
  'POST /api/v1/evaluation-schemes/:id/simulations': ADMIN,
  'POST /api/v1/evaluation-cycles': ADMIN,
  'POST /api/v1/grade-appeals/:appealId/decision': ADMIN,
};

/** One row of the route → RPC table: the full RPC name, or why the route has none. */
export type RouteTableRow = { route: string; rpc: string; reason?: undefined } | { route: string; rpc?: undefined; reason: string };

/** The route → RPC table: each REST route of the gateway and its gRPC twin, or the reason it has none. */
export function routeTable(): RouteTableRow[] {
  const twins = REST_TWIN_SERVICES.flatMap(({ service, twins: rows }) =>
    rows.map((twin) => ({
      route: restRouteOf(twin.controller, twin.handler)?.route ?? `${twin.controller.name}.${twin.handler}`,
      rpc: `gateway.v1.${service}/${twin.rpc}`,
    })),
  );
  return [
    ...twins,
    ...Object.entries(HAND_WRITTEN).map(([route, rpc]) => ({ route, rpc })),
    ...Object.entries(NO_RPC).map(([route, reason]) => ({ route, reason })),
  ];
}
