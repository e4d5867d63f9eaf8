export interface DemoClientEntry {
  clientId: string;
  name: string;
  kind: 'integrator' | 'partner' | 'admin';
  region: string;
  scopes: string[];
  /** The seed system the client lets you exercise, and where it is described. */
  seedSystem: string;
}
export interface DemoClientSeed extends Omit<DemoClientEntry, 'seedSystem'> {
  clientSecret: string;
}
export const DEMO_CLIENTS: DemoClientEntry[];
export const INTEGRATOR_SCOPES: string[];
export function demoClientsFile(existing?: DemoClientSeed[], newSecret?: () => string): { clients: DemoClientSeed[] };
