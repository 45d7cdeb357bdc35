import { HCERT_CHECKS } from '@vax/contracts/certification/http-v1.responses';
import { CHECKS } from '../hcert/hcert.verifier';

// The HTTP contract keeps its own list of the checks (a contract imports no service code); the
// verifier runs exactly these, in this order, or the verdict it answers breaks its schema.
describe("certification's HTTP contract (v1)", () => {
  it('names the checks the verifier runs, in its order', () => {
    expect([...HCERT_CHECKS]).toEqual([...CHECKS]);
  });
});
