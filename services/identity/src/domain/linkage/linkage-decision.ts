import type { RegistryPerson } from '../matching/registry-person';
import { type FieldLevels, type LinkRecord, compareFields } from './linkage-fields';
import {
  type FieldWeights,
  type LinkageProbabilities,
  DEFAULT_LINKAGE_PROBABILITIES,
  weighFields,
} from './linkage-weights';

export type LinkGuard = 'name-entirely-different' | 'close-name-other-birth-date' | 'birth-date-unconfirmed-without-id';

/** One registry person weighed against a row: the evidence, field by field, and its sum. */
export interface ScoredCandidate {
  person: RegistryPerson;
  levels: FieldLevels;
  weights: FieldWeights;
  score: number;
  /** Why this person may not be linked whatever the score, when a hard guard holds. */
  guard?: LinkGuard;
}

export type LinkageDecision =
  | { outcome: 'link'; best: ScoredCandidate; candidates: ScoredCandidate[] }
  | { outcome: 'review'; candidates: ScoredCandidate[] }
  | { outcome: 'none'; candidates: ScoredCandidate[] };

export interface LinkageThresholds {
  /** The least total weight (bits) a link needs. */
  link: number;
  /** How far ahead of every other candidate the best must be: namesakes are never chosen between. */
  margin: number;
  /** The least weight for a candidate to be shown for review. */
  review: number;
  /** At most this many candidates in a review item. */
  shown: number;
  probabilities: LinkageProbabilities;
}

export const DEFAULT_LINKAGE_THRESHOLDS: LinkageThresholds = {
  link: 22,
  margin: 6,
  review: 10,
  shown: 5,
  probabilities: DEFAULT_LINKAGE_PROBABILITIES,
};

const CLOSE_NAMES = new Set(['typo', 'reordered', 'syllables-omitted']);
const CONFIRMED_BIRTH = new Set(['exact', 'day-month-swapped']);

/**
 * The hard guards, which no weight outvotes: an entirely different name is someone else (one wrong
 * digit can land on a stranger born the same day); a name only close to the registry's is not the
 * same person without the birth date; nor is anyone without their number and birth date agreeing.
 */
export function guardOf(levels: FieldLevels): LinkGuard | undefined {
  if (levels.fullName === 'different') return 'name-entirely-different';
  if (CLOSE_NAMES.has(levels.fullName) && !CONFIRMED_BIRTH.has(levels.dateOfBirth))
    return 'close-name-other-birth-date';
  const numbered = levels.idNumber === 'exact' || levels.idNumber === 'old-id';
  if (!numbered && !CONFIRMED_BIRTH.has(levels.dateOfBirth)) return 'birth-date-unconfirmed-without-id';
  return undefined;
}

export function scoreCandidate(
  record: LinkRecord,
  person: RegistryPerson,
  thresholds = DEFAULT_LINKAGE_THRESHOLDS,
): ScoredCandidate {
  const levels = compareFields(record, person);
  const weights = weighFields(levels, thresholds.probabilities);
  const score = Math.round(Object.values(weights).reduce((a, b) => a + b, 0) * 100) / 100;
  return { person, levels, weights, score, guard: guardOf(levels) };
}

/**
 * Link when one person is clearly best: over the link weight, past every hard guard, and ahead of
 * every other candidate by the margin. Otherwise the plausible candidates, ranked, go to review;
 * with none plausible the row is nobody in the registry.
 */
export function decideLinkage(
  record: LinkRecord,
  people: RegistryPerson[],
  thresholds = DEFAULT_LINKAGE_THRESHOLDS,
): LinkageDecision {
  const scored = uniqueById(people)
    .map((p) => scoreCandidate(record, p, thresholds))
    .sort((a, b) => b.score - a.score);
  const [best, runnerUp] = scored;
  const plausible = scored.filter((c) => c.score >= thresholds.review).slice(0, thresholds.shown);
  if (
    best &&
    !best.guard &&
    best.score >= thresholds.link &&
    (!runnerUp || best.score - runnerUp.score >= thresholds.margin)
  )
    return { outcome: 'link', best, candidates: plausible };
  return plausible.length > 0 ? { outcome: 'review', candidates: plausible } : { outcome: 'none', candidates: [] };
}

function uniqueById(people: RegistryPerson[]): RegistryPerson[] {
  const seen = new Map(people.map((p) => [p.personId, p]));
  return [...seen.values()];
}
