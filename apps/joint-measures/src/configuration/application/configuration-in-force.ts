import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { contentHash, decideShippedUpdate, SHIPPED_BY } from '@platform/database';
import type { DrawPlan } from '../../draws/domain/draw-plan';
import { entryRulesHeldBack } from '../../entry-rules/application/entry-rule-store';
import { catalogueInForce, checkMeasureCatalogue, type MeasureCatalogue, type MeasureCatalogueDocument } from '../../measures/domain/measure-config';
import { danglingReferences, describeProblem, schemeCatalogue, type CheckedItem, type ConfigProblem, type SchemeCatalogue } from '../domain/config-problem';
import { checkShippedConfiguration, describeShippedProblems, shippedProblems, type ConfigKind } from '../domain/shipped-configuration';
import { configurationTables, type VersionedKind } from '../infrastructure/configuration.repository';
import { CONFIG_KIND_RULES } from './configuration-kinds';

/** The system user that stores the shipped sets. */
export { SHIPPED_BY };

/** How often each replica looks for a new version or a newly published scheme. */
const REFRESH_MS = 1000;

interface InForce {
  revision: string;
  schemes: SchemeCatalogue;
  measureCatalogue: MeasureCatalogue;
  measureVersion: number;
  drawPlans: CheckedItem<DrawPlan>[];
  drawPlanVersion: number;
}

/**
 * The measure mappings and draw plans in force on this replica, checked against the schemes joint
 * measures knows (ADR 0043). Decisions and draws read them from memory (the decision API is on the
 * permits' hot path); every replica re-reads them within REFRESH_MS of an upload or of a scheme's
 * publication (a cheap revision query), and the replica that stored an upload at once.
 *
 * At start the shipped sets are checked: a dangling reference stops the service with a message
 * naming each one, except a scheme not published yet (the item is pending) — and a grade a
 * published scheme's ladder lacks only while the shipped set is the one in force (once a newer
 * version replaced it, the shipped set no longer matters). Then the shipped mappings and draw
 * plans are stored as version 1 of their kind when it has none, and as a new version in force when
 * the shipped set changed since (unless an operator uploaded a version since; ADR 0047).
 */
@Injectable()
export class ConfigurationInForce implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ConfigurationInForce');
  private state?: InForce;
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.checkAndStoreShipped();
    await this.reload();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refresh().catch((err: unknown) => this.logger.warn({ err }, 'configuration refresh failed')), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The catalogue decisions use: active mappings, and the others with why. */
  measureCatalogue(): MeasureCatalogue {
    return this.loaded().measureCatalogue;
  }

  /** Every draw plan in force with its status (a pending or invalid plan is never drawn from). */
  drawPlans(): readonly CheckedItem<DrawPlan>[] {
    return this.loaded().drawPlans;
  }

  /** Re-reads what is in force when its revision changed (another replica's upload, a scheme published). */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const revision = await configurationTables.revision(this.dataSource.manager);
        if (revision !== this.state?.revision) await this.reload();
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** Reads and checks everything in force now (after an upload on this replica, at start). */
  async reload(): Promise<void> {
    const manager = this.dataSource.manager;
    const revision = await configurationTables.revision(manager);
    const schemes = schemeCatalogue(await configurationTables.knownSchemes(manager));
    const measures = await configurationTables.latest(manager, 'measure-mappings');
    const plans = await configurationTables.latest(manager, 'draw-plans');
    const measureDocument = (measures?.document ?? CONFIG_KIND_RULES['measure-mappings'].shipped()) as MeasureCatalogueDocument;
    const measureCatalogue = catalogueInForce(checkMeasureCatalogue(measureDocument, schemes));
    const drawPlans = CONFIG_KIND_RULES['draw-plans'].check(plans?.document ?? CONFIG_KIND_RULES['draw-plans'].shipped(), schemes)
      .items as CheckedItem<DrawPlan>[];
    const before = this.state;
    this.state = { revision, schemes, measureCatalogue, measureVersion: measures?.version ?? 0, drawPlans, drawPlanVersion: plans?.version ?? 0 };
    this.report('measure mapping', measureCatalogue.inactive, before?.measureCatalogue.inactive);
    this.report('draw plan', drawPlans, before?.drawPlans);
  }

  private loaded(): InForce {
    if (!this.state) throw new Error('the configuration in force is not loaded yet');
    return this.state;
  }

  /** Logs what is not applied (at start, and whenever it changes): never silently dead. */
  private report(what: string, items: readonly CheckedItem<unknown>[], before?: readonly CheckedItem<unknown>[]): void {
    const key = (i: CheckedItem<unknown>) => `${i.id}:${i.status}:${i.waitingFor.join(',')}`;
    const previously = new Set((before ?? []).filter((i) => i.status !== 'active').map(key));
    for (const item of items) {
      if (item.status === 'active' || previously.has(key(item))) continue;
      if (item.status === 'pending') this.logger.warn(`${what} ${item.id} is pending: waits for scheme(s) ${item.waitingFor.join(', ')} (not published yet)`);
      else this.logger.error(`${what} ${item.id} is invalid, not applied: ${item.problems.map(describeProblem).join('; ')}`);
    }
  }

  private async checkAndStoreShipped(): Promise<void> {
    const manager = this.dataSource.manager;
    const schemes = schemeCatalogue(await configurationTables.knownSchemes(manager));
    const shippedInForce: Record<ConfigKind, boolean> = {
      'measure-mappings': await this.shippedInForce(manager, 'measure-mappings'),
      'draw-plans': await this.shippedInForce(manager, 'draw-plans'),
      'entry-rules': ((await manager.query(`SELECT count(*)::int AS n FROM entry_rule_sets`)) as { n: number }[])[0].n === 0,
    };
    const fatal = shippedProblems(checkShippedConfiguration(schemes)).filter(
      ({ kind, problem }) => danglingReferences([problem]).length > 0 && (problem.code !== 'GRADE_NOT_ON_LADDER' || shippedInForce[kind]),
    );
    if (fatal.length > 0) {
      throw new Error(`The shipped configuration refers to what does not exist; joint measures does not start:\n${describeShippedProblems(fatal)}`);
    }
    for (const kind of ['measure-mappings', 'draw-plans'] as const) await this.storeShipped(kind);
    const rules = await entryRulesHeldBack(manager);
    if (rules) {
      this.logger.warn(
        `the shipped entry-rules changed since version ${rules.version} was uploaded by an operator: kept; the shipped rules are not applied (reported as shippedUpdateAvailable)`,
      );
    }
  }

  /**
   * The shipped set of a kind into the database (ADR 0047): version 1 when the kind has none; a new
   * version, in force, when the shipped set changed since the last version stored from it (content
   * hash); never over a version an operator uploaded since — that one stays, a warning names both,
   * and the admin API reports `shippedUpdateAvailable`. Serialised per kind (advisory lock), so
   * replicas starting together store it once.
   */
  private async storeShipped(kind: VersionedKind): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('joint_measures.configuration_versions:' || $1))`, [kind]);
      const shipped = CONFIG_KIND_RULES[kind].shipped();
      const update = decideShippedUpdate(contentHash(shipped), await configurationTables.origins(m, kind));
      if (update.action === 'current') return;
      if (update.action === 'held') {
        const since = update.shippedVersion > 0 ? `changed since its shipped version ${update.shippedVersion}` : 'was never stored';
        this.logger.warn(
          `the shipped ${kind} ${since}, but version ${update.operatorVersion} was uploaded by an operator: kept; the shipped set is not applied (reported as shippedUpdateAvailable)`,
        );
        return;
      }
      const version = await configurationTables.append(m, kind, shipped, SHIPPED_BY);
      if (update.action === 'store-first') this.logger.log(`stored the shipped ${kind} as version ${version}`);
      else this.logger.log(`the shipped ${kind} changed since version ${update.replacesShipped}: stored as version ${version}, in force`);
    });
  }

  /** Whether the shipped set is, or is about to be, the one in force: nothing stored, or the latest stored came from it (an operator's is never overridden). */
  private async shippedInForce(manager: EntityManager, kind: VersionedKind): Promise<boolean> {
    const latest = await configurationTables.latest(manager, kind);
    return !latest || latest.uploadedBy === SHIPPED_BY;
  }

  /** Whether a changed shipped set waits behind an operator's version (ADR 0047). */
  async shippedUpdateAvailable(manager: EntityManager, kind: VersionedKind): Promise<boolean> {
    const update = decideShippedUpdate(contentHash(CONFIG_KIND_RULES[kind].shipped()), await configurationTables.origins(manager, kind));
    return update.action === 'held';
  }
}

export type { ConfigProblem };
