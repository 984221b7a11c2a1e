import { coversRegion, forbidden, notFound, PERMISSIONS, regionNotFound, type Actor, type ApiTokenView, type IssuedApiToken, type Permission } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { RegionRepository } from '../regions/region.repository.js';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import type { ApiTokenRepository, ApiTokenRow } from './api-token.repository.js';

const regionPathOf = (actor: Actor) => (actor.jurisdiction.kind === 'region' ? actor.jurisdiction.regionPath : null);

const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;

function present(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id, name: row.name, tokenPrefix: row.tokenPrefix, regionCode: row.regionCode, regionName: row.regionName,
    permissions: row.permissions as Permission[], createdByUsername: row.createdByUsername, expiresAt: isoOrNull(row.expiresAt),
    revokedAt: isoOrNull(row.revokedAt), lastUsedAt: isoOrNull(row.lastUsedAt), createdAt: row.createdAt.toISOString(),
  };
}

/** API tokens for integrations (hotline, Open311, upper-level platforms): scoped to a region and named permissions. */
export class ApiTokenService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly tokens: ApiTokenRepository,
    private readonly regions: RegionRepository,
  ) {}

  async create(actor: Actor, input: { name: string; regionCode?: string | null | undefined; permissions: Permission[]; expiresAt?: Date | null | undefined }) {
    let regionId: number | null = null;
    if (input.regionCode) {
      const region = await this.regions.findByCode(input.regionCode, actor.jurisdiction);
      if (!region || !coversRegion(actor.jurisdiction, region.path)) throw regionNotFound(input.regionCode);
      regionId = region.id;
    } else if (actor.jurisdiction.kind !== 'everywhere') {
      throw forbidden('api_token.region_required', '只能为本辖区内的区划签发令牌', 'Tokens can only be issued for a region in your jurisdiction');
    }
    const token = newSecretToken('cgt_');
    const id = await this.db.transaction().execute((transaction) => this.tokens.insert(transaction, {
      tokenHash: hashSecretToken(token), tokenPrefix: token.slice(0, 10), name: input.name, regionId,
      permissions: [...new Set(input.permissions)], createdByUserId: actor.kind === 'user' ? actor.userId : null, expiresAt: input.expiresAt ?? null,
    }));
    const issued: IssuedApiToken = { ...present((await this.tokens.findById(id, null))!), token };
    return issued;
  }

  async list(actor: Actor) {
    return (await this.tokens.list(regionPathOf(actor))).map(present);
  }

  async revoke(actor: Actor, id: number): Promise<void> {
    const token = await this.tokens.findById(id, regionPathOf(actor));
    if (!token) throw notFound('api_token.not_found', `令牌 ${id} 不存在`, `API token ${id} does not exist`);
    await this.db.transaction().execute((transaction) => this.tokens.revoke(transaction, id));
  }

  async actorOfToken(token: string): Promise<Actor | undefined> {
    const row = await this.tokens.findUsable(hashSecretToken(token));
    if (!row) return undefined;
    return {
      kind: 'api_token',
      apiTokenId: row.id,
      name: row.name,
      permissions: row.permissions.filter((permission): permission is Permission => (PERMISSIONS as readonly string[]).includes(permission)),
      jurisdiction: row.regionPath ? { kind: 'region', regionPath: row.regionPath } : { kind: 'everywhere' },
    };
  }
}
