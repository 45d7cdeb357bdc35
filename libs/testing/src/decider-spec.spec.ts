import type { Decider } from '@vax/event-sourcing';
import { deciderSpec } from './decider-spec';

type Counted = { type: 'Counted'; data: { by: number } };
type Count = { by: number; max: number };
const counter: Decider<number, Count, Counted> = {
  initialState: () => 0,
  decide: ({ by, max }, total) => {
    if (total + by > max) throw new Error(`over ${max}`);
    return [{ type: 'Counted', data: { by } }];
  },
  evolve: (total, event) => total + event.data.by,
};
const counted = (by: number): Counted => ({ type: 'Counted', data: { by } });
const spec = deciderSpec(counter);

describe('deciderSpec', () => {
  it('decides on the state the given events fold to', () => {
    expect(spec.given([counted(2), counted(3)]).state).toBe(5);
    expect(spec.given([counted(2), counted(3)]).when({ by: 1, max: 6 })).toEqual([counted(1)]);
  });

  it('starts from the initial state when given nothing', () => {
    expect(spec.given().when({ by: 4, max: 4 })).toEqual([counted(4)]);
  });

  it('lets the domain error through, for the spec to name', () => {
    expect(() => spec.given([counted(5)]).when({ by: 2, max: 6 })).toThrow('over 6');
  });

  it('runs a history of commands, each on the state the previous ones left', () => {
    expect(spec.history({ by: 1, max: 9 }, { by: 2, max: 9 })).toEqual([counted(1), counted(2)]);
    expect(() => spec.history({ by: 5, max: 9 }, { by: 5, max: 9 })).toThrow('over 9');
  });
});
