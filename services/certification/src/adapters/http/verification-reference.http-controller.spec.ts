import { ProblemException } from '@vax/platform';
import type { ReloadOutcome, VerificationReference } from '../../application/verification-reference';
import { VerificationReferenceHttpController } from './verification-reference.http-controller';

const controllerAnswering = (outcome: ReloadOutcome) =>
  new VerificationReferenceHttpController({ reload: () => outcome } as unknown as VerificationReference);

describe('POST /verification-reference/reload', () => {
  it('answers a folder that does not read with the shared 422 problem, naming the field and rule', () => {
    const refused = controllerAnswering({
      reloaded: false,
      rules: { version: 'r-7', count: 3 },
      valueSets: { version: 'v-2', sets: 9 },
      problem: 'rules/VN/VR-VN-0001.json: not JSON',
    });
    let thrown: unknown;
    try {
      refused.reload();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    const problem = thrown as ProblemException;
    expect(problem.getStatus()).toBe(422);
    expect(problem.getResponse()).toEqual({
      type: 'https://vax.laichau.gov.vn/problems/reference-not-reloaded',
      title: 'Rules or value sets not reloaded',
      status: 422,
      detail: 'the rules r-7 and value sets v-2 stay in force',
      errors: [{ field: 'reference', rule: 'readable', message: 'rules/VN/VR-VN-0001.json: not JSON' }],
    });
  });

  it('answers a reload that read with its outcome', () => {
    const outcome = { reloaded: true, rules: { version: 'r-8', count: 3 }, valueSets: { version: 'v-2', sets: 9 } };
    expect(controllerAnswering(outcome).reload()).toBe(outcome);
  });
});
