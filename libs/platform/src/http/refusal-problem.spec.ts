import { HttpStatus } from '@nestjs/common';
import { ProblemException } from './problem-details';
import { answeringRefusals, problemOrError, refusalProblem } from './refusal-problem';

class Refused extends Error {}
const refusal = (error: unknown) =>
  error instanceof Refused
    ? {
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        slug: 'dose-refused',
        title: 'The dose cannot be recorded',
        detail: error.message,
        errors: [{ field: 'administeredOn', rule: 'notFuture', message: 'must not be in the future' }],
      }
    : undefined;

describe('a domain refusal as a problem document', () => {
  it('carries status, type, title, detail and every broken rule by field', () => {
    const problem = refusalProblem(refusal(new Refused('the day is in the future'))!);
    expect(problem.getStatus()).toBe(422);
    expect(problem.getResponse()).toEqual({
      type: 'https://vax.laichau.gov.vn/problems/dose-refused',
      title: 'The dose cannot be recorded',
      status: 422,
      detail: 'the day is in the future',
      errors: [{ field: 'administeredOn', rule: 'notFuture', message: 'must not be in the future' }],
    });
  });

  it('leaves an error that is no refusal as it is (a server error)', () => {
    const bug = new TypeError('x is undefined');
    expect(problemOrError(bug, refusal)).toBe(bug);
    expect(problemOrError(new Refused('no'), refusal)).toBeInstanceOf(ProblemException);
  });

  it('answers requests: their result, their refusals as problems, anything else rethrown', async () => {
    const answering = answeringRefusals(refusal);
    await expect(answering(async () => 7)).resolves.toBe(7);
    await expect(answering(() => Promise.reject(new Refused('no')))).rejects.toBeInstanceOf(ProblemException);
    const bug = new TypeError('x is undefined');
    await expect(answering(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});
