import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { DomainError } from '@platform/errors';
import { checkNewClient, ClientErrorCode, NewClient } from '../domain/client-registration';
import { generateSecret, hashSecret } from '../domain/client-secret';
import { ClientEntity } from '../infrastructure/client.entity';
import { DisabledClients } from '../infrastructure/disabled-clients';

/** A client as administrators see it: never its secret, never the hash. */
export interface ClientView {
  clientId: string;
  name: string;
  kind: string;
  region: string;
  scopes: string[];
  disabled: boolean;
  createdAt: string;
  secretSetAt: string;
  disabledAt: string | null;
}

/** The answer that carries a secret: given once, on registration and on rotation, stored only hashed. */
export interface ClientWithSecret extends ClientView {
  clientSecret: string;
}

export interface ClientPage {
  clients: ClientView[];
  nextCursor: string;
}

/**
 * Clients of the gateway (ADR 0041): registered, rotated, disabled, listed. The one place that
 * hashes a secret (client-secret.ts): the admin API and the boot-time seed file both register
 * through here.
 */
@Injectable()
export class ClientRegistry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly disabledClients: DisabledClients,
  ) {}

  /** A new client with a generated secret; 409 CLIENT.DUPLICATE when the id is taken. */
  async register(input: Parameters<typeof checkNewClient>[0]): Promise<ClientWithSecret> {
    const client = checkNewClient(input);
    const secret = generateSecret();
    const now = new Date();
    const row = { ...client, secretHash: await hashSecret(secret), disabled: false, createdAt: now, secretSetAt: now, disabledAt: null };
    const inserted = await this.dataSource.createQueryBuilder().insert().into(ClientEntity).values(row).orIgnore().returning(['clientId']).execute();
    if (inserted.raw.length === 0) throw DomainError.conflict(ClientErrorCode.Duplicate, `A client ${client.clientId} exists already.`);
    return { ...view({ ...row } as ClientEntity), clientSecret: secret };
  }

  /**
   * Clients of a seed file with the secrets it names (the local stack's demo clients), all in one
   * statement: registered, or brought in step with the file. Every entry is checked first.
   */
  async registerSeeds(seeds: (NewClient & { clientSecret: string })[]): Promise<void> {
    const checked = seeds.map((seed, i) => {
      const which = `client seed ${i} (${String(seed.clientId)})`;
      if (typeof seed.clientSecret !== 'string' || seed.clientSecret.length < 16) throw new Error(`${which}: clientSecret: 16 characters or more`);
      try {
        return { ...checkNewClient(seed), secret: seed.clientSecret };
      } catch (error) {
        const violations = (error as DomainError).violations ?? [];
        throw new Error(`${which}: ${violations.map((v) => `${v.field}: ${v.message}`).join('; ') || String(error)}`);
      }
    });
    if (checked.length === 0) return;
    // scrypt runs on libuv's thread pool: hashing side by side keeps the seed's start-up cost flat.
    const hashes = await Promise.all(checked.map((c) => hashSecret(c.secret)));
    const now = new Date();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ClientEntity)
      .values(
        checked.map(({ secret: _secret, ...c }, i) => ({ ...c, secretHash: hashes[i], disabled: false, createdAt: now, secretSetAt: now, disabledAt: null })),
      )
      .orUpdate(['name', 'kind', 'region', 'scopes', 'secret_hash', 'disabled', 'secret_set_at', 'disabled_at'], ['client_id'])
      .execute();
  }

  /** A new secret for the client; the old one is refused from now on (tokens already issued run to their expiry). */
  async rotateSecret(clientId: string): Promise<ClientWithSecret> {
    const secret = generateSecret();
    const secretHash = await hashSecret(secret);
    const rows = (
      await this.dataSource
        .getRepository(ClientEntity)
        .createQueryBuilder()
        .update()
        .set({ secretHash, secretSetAt: () => 'now()' })
        .where('client_id = :clientId', { clientId })
        .returning('*')
        .execute()
    ).raw as Record<string, unknown>[];
    if (rows.length === 0) throw notFound(clientId);
    return { ...view(fromRaw(rows[0])), clientSecret: secret };
  }

  /**
   * Disables the client: no token is issued to it any more, and its tokens already issued are
   * refused by this gateway at once and by every other replica within DisabledClients' refresh.
   * Disabling a disabled client changes nothing (its disabledAt stays).
   */
  async disable(clientId: string): Promise<ClientView> {
    const rows = (
      await this.dataSource
        .getRepository(ClientEntity)
        .createQueryBuilder()
        .update()
        .set({ disabled: true, disabledAt: () => 'COALESCE(disabled_at, now())' })
        .where('client_id = :clientId', { clientId })
        .returning('*')
        .execute()
    ).raw as Record<string, unknown>[];
    if (rows.length === 0) throw notFound(clientId);
    this.disabledClients.add(clientId);
    return view(fromRaw(rows[0]));
  }

  async get(clientId: string): Promise<ClientView> {
    const client = await this.dataSource.getRepository(ClientEntity).findOneBy({ clientId });
    if (!client) throw notFound(clientId);
    return view(client);
  }

  /** By client id; `cursor` is the last id of the previous page. */
  async list(cursor: string, limit: number): Promise<ClientPage> {
    const rows = await this.dataSource.getRepository(ClientEntity).find({
      where: cursor ? { clientId: MoreThan(cursor) } : {},
      order: { clientId: 'ASC' },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    return { clients: page.map(view), nextCursor: rows.length > limit ? page[page.length - 1].clientId : '' };
  }
}

function notFound(clientId: string): DomainError {
  return DomainError.notFound(ClientErrorCode.NotFound, `No client ${clientId.slice(0, 100)}.`);
}

/** A RETURNING row (snake_case columns) as the entity. */
function fromRaw(row: Record<string, unknown>): ClientEntity {
  return Object.assign(new ClientEntity(), {
    clientId: row.client_id,
    name: row.name,
    kind: row.kind,
    region: row.region,
    scopes: row.scopes,
    disabled: row.disabled,
    createdAt: row.created_at,
    secretSetAt: row.secret_set_at,
    disabledAt: row.disabled_at ?? null,
  });
}

function view(client: ClientEntity): ClientView {
  return {
    clientId: client.clientId,
    name: client.name,
    kind: client.kind,
    region: client.region,
    scopes: client.scopes,
    disabled: client.disabled,
    createdAt: new Date(client.createdAt).toISOString(),
    secretSetAt: new Date(client.secretSetAt).toISOString(),
    disabledAt: client.disabledAt ? new Date(client.disabledAt).toISOString() : null,
  };
}
