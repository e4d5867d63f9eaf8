import { cloneTestDatabase, TestDatabase } from '@platform/testing';
import type { DataSource } from 'typeorm';
import { gatewayDefinition } from '../../gateway.definition';
import { verifySecret } from '../domain/client-secret';
import { DisabledClients } from '../infrastructure/disabled-clients';
import { ClientRegistry } from './client-registry';

/** Two gateway replicas on one database: what one does to a client, the other learns (ADR 0041). */
describe('ClientRegistry and DisabledClients (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let replicaA: { registry: ClientRegistry; disabled: DisabledClients };
  let replicaB: { registry: ClientRegistry; disabled: DisabledClients };

  beforeAll(async () => {
    db = await cloneTestDatabase('gateway-clients');
    ds = await db.dataSource(gatewayDefinition);
    const replica = () => {
      const disabled = new DisabledClients(ds);
      return { registry: new ClientRegistry(ds, disabled), disabled };
    };
    replicaA = replica();
    replicaB = replica();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const secretHashOf = async (clientId: string) =>
    (await ds.query<{ secret_hash: string }[]>(`SELECT secret_hash FROM clients WHERE client_id = $1`, [clientId]))[0].secret_hash;

  it('stores only the hash of the secret it hands out once, and a rotation replaces it', async () => {
    const created = await replicaA.registry.register({
      clientId: 'demo-guangxi',
      name: '广西',
      kind: 'integrator',
      region: '450000',
      scopes: ['records:read'],
    });
    const stored = await secretHashOf('demo-guangxi');
    expect(stored).not.toContain(created.clientSecret);
    await expect(verifySecret(created.clientSecret, stored)).resolves.toBe(true);

    const rotated = await replicaB.registry.rotateSecret('demo-guangxi');
    const afterRotation = await secretHashOf('demo-guangxi');
    await expect(verifySecret(created.clientSecret, afterRotation)).resolves.toBe(false);
    await expect(verifySecret(rotated.clientSecret, afterRotation)).resolves.toBe(true);
    expect(Date.parse(rotated.secretSetAt)).toBeGreaterThanOrEqual(Date.parse(created.secretSetAt));
  });

  it('refuses a taken id without touching the client', async () => {
    const before = await secretHashOf('demo-guangxi');
    await expect(
      replicaB.registry.register({ clientId: 'demo-guangxi', name: 'x', kind: 'integrator', region: '450000', scopes: ['records:read'] }),
    ).rejects.toMatchObject({
      code: 'CLIENT.DUPLICATE',
      kind: 'conflict',
    });
    expect(await secretHashOf('demo-guangxi')).toBe(before);
  });

  it('a client disabled through one replica is refused there at once and by the other at its next reload', async () => {
    await replicaA.disabled.reload();
    await replicaB.disabled.reload();
    await replicaA.registry.register({ clientId: 'demo-fujian', name: '福建', kind: 'integrator', region: '350000', scopes: ['records:read'] });
    const view = await replicaA.registry.disable('demo-fujian');
    expect(view).toMatchObject({ disabled: true, disabledAt: expect.any(String) });
    expect(replicaA.disabled.has('demo-fujian')).toBe(true);
    expect(replicaB.disabled.has('demo-fujian')).toBe(false);
    await replicaB.disabled.reload();
    expect(replicaB.disabled.has('demo-fujian')).toBe(true);
    // Disabling again changes nothing: the first instant stays.
    expect((await replicaB.registry.disable('demo-fujian')).disabledAt).toBe(view.disabledAt);
  });

  it('registers a seed file in one statement, keeps it in step on the next boot, and names a bad entry', async () => {
    const seed = (clientSecret: string) => [
      { clientId: 'demo-kunming', name: '昆明', kind: 'integrator' as const, region: '530100', scopes: ['records:read' as const], clientSecret },
      { clientId: 'demo-tianjin', name: '天津', kind: 'integrator' as const, region: '120000', scopes: ['records:read' as const], clientSecret },
    ];
    await replicaA.registry.registerSeeds(seed('first-secret-0123456789'));
    await replicaA.registry.registerSeeds(seed('second-secret-0123456789'));
    await expect(verifySecret('second-secret-0123456789', await secretHashOf('demo-tianjin'))).resolves.toBe(true);
    await expect(
      replicaA.registry.registerSeeds([{ ...seed('third-secret-0123456789')[0], region: '990000' }, seed('third-secret-0123456789')[1]]),
    ).rejects.toThrow(/client seed 0 \(demo-kunming\): region/);
    // Nothing of the refused file was written.
    await expect(verifySecret('second-secret-0123456789', await secretHashOf('demo-tianjin'))).resolves.toBe(true);
  });
});
