import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { Scope } from '@platform/auth';
import { REQUIRED_SCOPE } from '../auth/interface/auth.guards';

/** One REST route as Nest routes it: `GET /api/v1/credit-records/:id`. */
export interface RestRoute {
  /** `METHOD /path`, the key of the route → RPC table. */
  route: string;
  method: string;
  path: string;
  controller: Type<object>;
  handler: string;
  /** The scope RequireScope puts on the handler or its class; none: any authenticated client. */
  scope: Scope | undefined;
}

/** Every route of `controllers`, read from the metadata Nest's router reads (so the list cannot drift from what is served). */
export function restRoutes(controllers: Type<object>[]): RestRoute[] {
  return controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((handler) => handler !== 'constructor')
      .map((handler) => restRouteOf(controller, handler))
      .filter((route): route is RestRoute => route !== undefined),
  );
}

/** The route `controller.handler` serves, or undefined when the method is not a route handler. */
export function restRouteOf(controller: Type<object>, handler: string): RestRoute | undefined {
  const fn = (controller.prototype as Record<string, unknown>)[handler];
  if (typeof fn !== 'function') return undefined;
  const paths = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
  const verb = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
  if (paths === undefined || verb === undefined) return undefined;
  const method = RequestMethod[verb];
  const path = joinPath(Reflect.getMetadata(PATH_METADATA, controller) as string | undefined, Array.isArray(paths) ? paths[0] : paths);
  const scope = (Reflect.getMetadata(REQUIRED_SCOPE, fn) ?? Reflect.getMetadata(REQUIRED_SCOPE, controller)) as Scope | undefined;
  return { route: `${method} ${path}`, method, path, controller, handler, scope };
}

/** The `:name` parameters of a route path, in order. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
}

function joinPath(prefix: string | undefined, path: string): string {
  const parts = [prefix ?? '', path].flatMap((p) => p.split('/')).filter((p) => p.length > 0);
  return `/${parts.join('/')}`;
}
