import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type pg from 'pg';
import { Public } from '@sd/auth';
import { PG_POOL } from '@sd/database';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.database()]);
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
