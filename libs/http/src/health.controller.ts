import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type pg from 'pg';
import { Public } from '@sd/auth';
import { PG_POOL } from '@sd/database';

/** An app may add a component to /health (the relay shows its lag); it reports details, never fails the check. */
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
    @Optional() @Inject(HEALTH_EXTRA) private readonly extra?: HealthExtra,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    const extra = this.extra;
    return this.health.check([
      () => this.database(),
      ...(extra ? [async () => this.indicator.check(extra.naam).up(await extra.details())] : []),
    ]);
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
