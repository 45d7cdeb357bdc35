import { ProblemException, type Refusal } from './problem-details';

/** A service's refusals: the answer for an error it refuses with, undefined for anything else. */
export type RefusalClassifier = (error: unknown) => Refusal | undefined;

/** The one mapping from a domain refusal to its problem document. */
export function refusalProblem(refusal: Refusal): ProblemException {
  return new ProblemException(refusal.status, refusal.slug, refusal.title, refusal.detail, refusal.errors);
}

/** The problem for `error` if the service refuses with it; otherwise the error itself (a 500, logged). */
export function problemOrError(error: unknown, classify: RefusalClassifier): unknown {
  const refusal = classify(error);
  return refusal ? refusalProblem(refusal) : error;
}

/** Runs requests so that the service's refusals reach the caller as problem documents. */
export function answeringRefusals(classify: RefusalClassifier): <T>(work: () => Promise<T>) => Promise<T> {
  return async (work) => {
    try {
      return await work();
    } catch (error) {
      throw problemOrError(error, classify);
    }
  };
}
