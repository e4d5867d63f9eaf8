import { measuresV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';

/** A version of a configuration kind, each item with its status (active | pending | invalid) and why. */
export interface ConfigurationBody extends Omit<measuresV1.ConfigurationVersion, 'documentJson'> {
  document: JsonValue;
  /** How many items wait for a scheme not published yet, and how many are invalid. */
  pending: number;
  invalid: number;
}

export function toConfigurationBody(configuration: measuresV1.ConfigurationVersion | undefined): ConfigurationBody {
  if (!configuration) throw new Error('joint-measures answered without a configuration');
  const { documentJson, ...rest } = configuration;
  return {
    ...rest,
    document: parseJson(documentJson),
    pending: rest.items.filter((i) => i.status === 'pending').length,
    invalid: rest.items.filter((i) => i.status === 'invalid').length,
  };
}
