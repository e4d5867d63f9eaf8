import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { metricsRegistry } from '@platform/telemetry';
import { HealthState } from './health-state';

/** Probes for Kubernetes and the Prometheus scrape endpoint, on every service's HTTP port. */
@ApiExcludeController()
@Controller()
export class HealthHttpController {
  constructor(private readonly health: HealthState) {}

  @Get('health/live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('health/ready')
  async ready(@Res() response: Response): Promise<void> {
    const report = await this.health.readiness();
    response.status(report.ready ? 200 : 503).json(report);
  }

  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
