import type { ConfigProblem, ItemStatus } from '../domain/config-problem';
import type { ConfigKind } from '../domain/shipped-configuration';

/** One item of a configuration set (mapping, plan, rule) and whether it is applied. */
export interface ConfigItemView {
  id: string;
  /** active: applied; pending: waits for schemes not published yet (`waitingFor`); invalid: a reference dangles (`problems`). */
  status: ItemStatus;
  waitingFor: string[];
  problems: ConfigProblem[];
}

/** A version of a configuration kind, checked against the schemes known now. */
export interface ConfigurationView {
  kind: ConfigKind;
  version: number;
  /** Whether this is the version in force (the latest). */
  inForce: boolean;
  uploadedBy: string;
  uploadedAt: string;
  /** The document as stored (measure mappings: { measures, mappings }; draw plans and entry rules: an array). */
  document: unknown;
  items: ConfigItemView[];
  /**
   * The build ships a set of this kind that differs from its last shipped version, and it was not
   * applied because an operator uploaded a version of their own since (ADR 0047). Entry rules:
   * the shipped rules changed since the set in force was uploaded (version 0 is the build's).
   */
  shippedUpdateAvailable: boolean;
  /** Every version of the kind, newest first. */
  versions: { version: number; uploadedBy: string; uploadedAt: string }[];
}

/** `version` 0 (or absent): the version in force. */
export interface GetConfigurationQuery {
  kind: string;
  version?: number;
}

export interface UploadConfigurationCommand {
  kind: string;
  /** The whole document, JSON. */
  documentJson: string;
  /** 0: no optimistic check; otherwise refused when another version was stored since. */
  basedOnVersion?: number;
}
