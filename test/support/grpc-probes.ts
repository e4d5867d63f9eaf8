import { credentials, GrpcObject, loadPackageDefinition, Metadata, ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

type Ctor<T> = new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => T;

function service<T>(protoPath: string, path: string): Ctor<T> {
  const pkg = loadPackageDefinition(loadSync(protoPath, { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true }));
  return path.split('.').reduce<unknown>((node, part) => (node as GrpcObject)[part], pkg) as Ctor<T>;
}

interface ReflectionStream {
  write(request: { listServices: string }): void;
  end(): void;
  on(event: 'data', listener: (response: { listServicesResponse?: { service: { name: string }[] } }) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}

/** Lists the services a server exposes through gRPC server reflection (v1alpha, what grpcurl uses). */
export async function listServicesByReflection(address: string): Promise<string[]> {
  const Reflection = service<{ serverReflectionInfo(): ReflectionStream; close(): void }>(
    require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1alpha/reflection.proto'),
    'grpc.reflection.v1alpha.ServerReflection',
  );
  const client = new Reflection(address, credentials.createInsecure());
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const stream = client.serverReflectionInfo();
      stream.on('data', (response) => {
        resolve((response.listServicesResponse?.service ?? []).map((s) => s.name).sort());
        stream.end();
      });
      stream.on('error', reject);
      stream.write({ listServices: '' });
    });
  } finally {
    client.close();
  }
}

type Unary = (request: unknown, metadata: Metadata, options: { deadline: Date }, callback: (error: ServiceError | null, response: unknown) => void) => void;

/** Calls a unary method on any service by proto path, with metadata and a deadline. */
export async function callUnary(
  address: string,
  protoPath: string,
  servicePath: string,
  method: string,
  request: unknown,
  metadata: Record<string, string> = {},
): Promise<unknown> {
  const Client = service<Record<string, Unary> & { close(): void }>(protoPath, servicePath);
  const client = new Client(address, credentials.createInsecure());
  const md = new Metadata();
  for (const [k, v] of Object.entries(metadata)) md.set(k, v);
  try {
    return await new Promise((resolve, reject) =>
      client[method].call(client, request, md, { deadline: new Date(Date.now() + 5000) }, (e, r) => (e ? reject(e) : resolve(r))),
    );
  } finally {
    client.close();
  }
}
