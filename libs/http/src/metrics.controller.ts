import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';
import { Public } from '@sd/auth';

let collecting = false;

/**
 * Prometheus scrape endpoint at /metrics, open like /health (it holds no personal data).
 * (@willsoto/nestjs-prometheus is CommonJS requiring ESM-only Nest 12, which Jest cannot load.)
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor() {
    if (!collecting) {
      collectDefaultMetrics();
      collecting = true;
    }
  }

  @Public()
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
