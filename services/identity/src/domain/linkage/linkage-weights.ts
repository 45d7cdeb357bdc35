import type { BirthLevel, FieldLevels, GenderLevel, IdLevel, NameLevel, PlaceLevel } from './linkage-fields';

/**
 * Fellegi–Sunter probabilities per field and agreement level: m = P(level | same person),
 * u = P(level | two different people). A level's weight is log2(m / u): positive is evidence for the
 * same person, negative against. The figures and where they come from are in docs/adr/0014-record-linkage.md
 * (u measured on the synthetic registry, m from the error rates of a labelled sample of old lists).
 */
export interface LevelProbability {
  m: number;
  u: number;
}

type Table<L extends string> = Record<L, LevelProbability | null>;

export interface LinkageProbabilities {
  idNumber: Table<IdLevel>;
  fullName: Table<NameLevel>;
  dateOfBirth: Table<BirthLevel>;
  gender: Table<GenderLevel>;
  place: Table<PlaceLevel>;
}

/** `null`: the field was not stated, which says nothing either way (weight 0). */
export const DEFAULT_LINKAGE_PROBABILITIES: LinkageProbabilities = {
  idNumber: {
    exact: { m: 0.92, u: 2e-6 },
    'old-id': { m: 0.03, u: 2e-6 },
    'one-edit': { m: 0.03, u: 1e-4 },
    different: { m: 0.02, u: 0.9999 },
    missing: null,
  },
  fullName: {
    exact: { m: 0.8, u: 7e-4 },
    'accents-only': { m: 0.08, u: 6e-4 },
    transliteration: { m: 0.03, u: 3e-4 },
    typo: { m: 0.04, u: 2e-3 },
    reordered: { m: 0.02, u: 1e-5 },
    'syllables-omitted': { m: 0.02, u: 1e-4 },
    different: { m: 0.01, u: 0.996 },
  },
  dateOfBirth: {
    exact: { m: 0.9, u: 4e-5 },
    'day-month-swapped': { m: 0.03, u: 4e-5 },
    'same-year': { m: 0.05, u: 0.013 },
    different: { m: 0.02, u: 0.987 },
    missing: null,
  },
  gender: {
    agree: { m: 0.99, u: 0.5 },
    different: { m: 0.01, u: 0.5 },
    missing: null,
  },
  place: {
    'same-commune': { m: 0.85, u: 0.017 },
    'same-district': { m: 0.05, u: 0.1 },
    different: { m: 0.1, u: 0.89 },
    missing: null,
  },
};

export type FieldWeights = Record<keyof FieldLevels, number>;

export function weighFields(levels: FieldLevels, table = DEFAULT_LINKAGE_PROBABILITIES): FieldWeights {
  const weigh = (p: LevelProbability | null) => (p ? round(Math.log2(p.m / p.u)) : 0);
  return {
    idNumber: weigh(table.idNumber[levels.idNumber]),
    fullName: weigh(table.fullName[levels.fullName]),
    dateOfBirth: weigh(table.dateOfBirth[levels.dateOfBirth]),
    gender: weigh(table.gender[levels.gender]),
    place: weigh(table.place[levels.place]),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
