import { type ColumnMapping, MappingRejected, parseMapping } from './column-mapping';

/** What an upload says about its columns: the name of a prepared mapping, or a mapping of its own (JSON). */
export interface MappingChoice {
  preset?: string;
  mapping?: string;
}

/**
 * The mapping an upload asked for: exactly one of a known preset or a JSON mapping, checked by the
 * same rules as the command line's mapping file; a problem names the field (`preset`, `mapping`,
 * `mapping.columns.<header>`, …) and the rule.
 */
export function chooseMapping(choice: MappingChoice, presets: ReadonlyMap<string, unknown>): ColumnMapping {
  const { preset, mapping } = choice;
  if ((preset === undefined) === (mapping === undefined))
    throw new MappingRejected([
      { field: 'mapping', rule: 'oneOf', message: 'give either preset (a prepared mapping) or mapping (JSON)' },
    ]);
  if (preset !== undefined) {
    if (!presets.has(preset))
      throw new MappingRejected([
        { field: 'preset', rule: 'known', message: `must be one of ${[...presets.keys()].join(', ')}` },
      ]);
    return parseMapping(presets.get(preset));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(mapping!);
  } catch {
    throw new MappingRejected([{ field: 'mapping', rule: 'json', message: 'must be a JSON object' }]);
  }
  try {
    return parseMapping(raw);
  } catch (error) {
    if (!(error instanceof MappingRejected)) throw error;
    throw new MappingRejected(error.problems.map((p) => ({ ...p, field: `mapping.${p.field}` })));
  }
}
