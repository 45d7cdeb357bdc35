import { type Decider, type DomainEvent, fold } from '@vax/event-sourcing';

/**
 * Specifications of a decider in its own terms: given these events, when this command, then these
 * events (the value `when` returns) or this domain error (what it throws).
 *
 *   const spec = deciderSpec(complaintDecider);
 *   expect(spec.given(history).when(command)).toEqual([...]);
 */
export function deciderSpec<State, Command, Event extends DomainEvent>(decider: Decider<State, Command, Event>) {
  const given = (events: readonly Event[] = []) => {
    const state = fold(decider, events);
    return { state, when: (command: Command): Event[] => decider.decide(command, state) };
  };
  /** Commands run from the start, each on the state the previous ones left: the whole history's events. */
  const history = (...commands: Command[]): Event[] =>
    commands.reduce<Event[]>((events, command) => [...events, ...given(events).when(command)], []);
  return { given, history, stateOf: (events: readonly Event[]) => fold(decider, events) };
}
