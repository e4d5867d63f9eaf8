import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { from, interval, map, Observable, startWith, switchMap, distinctUntilChanged } from 'rxjs';
import { HealthState } from './health-state';

type ServingStatus = 'SERVING' | 'NOT_SERVING';

/**
 * The standard grpc.health.v1.Health service (grpc-health-check's proto), answered from the
 * same readiness checks as HTTP, so a gRPC-probing load balancer and Kubernetes agree.
 */
@Controller()
export class HealthGrpcController {
  constructor(private readonly health: HealthState) {}

  @GrpcMethod('Health', 'Check')
  async check(): Promise<{ status: ServingStatus }> {
    return { status: await this.status() };
  }

  @GrpcMethod('Health', 'Watch')
  watch(): Observable<{ status: ServingStatus }> {
    return interval(1000).pipe(
      startWith(0),
      switchMap(() => from(this.status())),
      distinctUntilChanged(),
      map((status) => ({ status })),
    );
  }

  private async status(): Promise<ServingStatus> {
    return (await this.health.readiness()).ready ? 'SERVING' : 'NOT_SERVING';
  }
}
