import { BucketLanes } from './bucket-lanes';

const byNumber = (a: string, b: string) => Number(a) - Number(b);

describe('bucket lanes', () => {
  it('starts reading at the earliest lane, and hands each lane only what follows its own checkpoint', () => {
    const lanes = new BucketLanes(byNumber);
    lanes.add(0, '10');
    lanes.add(1, '4');
    expect(lanes.startingPoint()).toEqual({ after: '4' });
    expect([lanes.isNext(0, '7'), lanes.isNext(1, '7'), lanes.isNext(0, '11'), lanes.isNext(2, '11')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('reads from the beginning when a lane has no checkpoint yet, and nothing when it holds no lane', () => {
    const lanes = new BucketLanes(byNumber);
    expect(lanes.startingPoint()).toBeNull();
    lanes.add(3, '9');
    lanes.add(4, undefined);
    expect(lanes.startingPoint()).toEqual({});
    expect(lanes.isNext(4, '1')).toBe(true);
  });

  it('leaves a waiting lane behind, then reads it again from its checkpoint once its wait is over', () => {
    const lanes = new BucketLanes(byNumber);
    lanes.add(0, '3');
    lanes.add(1, '5');
    lanes.wait(0, 1_000);
    expect(lanes.startingPoint()).toEqual({ after: '5' });
    expect(lanes.isNext(0, '6')).toBe(false);
    lanes.advanced(1, '8');
    expect(lanes.wakeDue(999)).toBe(false);
    expect(lanes.wakeDue(1_000)).toBe(true);
    expect(lanes.startingPoint()).toEqual({ after: '3' });
    expect([lanes.isNext(0, '4'), lanes.isNext(1, '6')]).toEqual([true, false]);
  });
});
