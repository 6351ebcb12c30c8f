import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type pg from 'pg';
import { Public } from '@sd/auth';
import { PG_POOL } from '@sd/database';

/**
 * An app may add components to /health (the relay shows its lag): one or a list. Each reports
 * details, never fails the check.
 */
export const HEALTH_EXTRA = Symbol('HEALTH_EXTRA');
export interface HealthExtra {
  naam: string;
  details(): Promise<Record<string, unknown>>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Optional() @Inject(HEALTH_EXTRA) private readonly extra?: HealthExtra | HealthExtra[],
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    const extra = this.extra === undefined ? [] : [this.extra].flat();
    return this.health.check([() => this.database(), ...extra.map((e) => async () => this.indicator.check(e.naam).up(await e.details()))]);
  }

  private async database() {
    const check = this.indicator.check('database');
    try {
      await this.pool.query('SELECT 1');
      return check.up();
    } catch {
      return check.down({ message: 'PostgreSQL is niet bereikbaar' });
    }
  }
}
