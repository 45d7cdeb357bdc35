import type { Actor } from '@vax/event-sourcing';
import type { FiledComplaint } from './complaint.state';

/**
 * Who may read a complaint (and its photos): the citizen who filed it, the province's managers,
 * managers of the district of the site it is about, staff of the unit holding it while it is open,
 * and staff of a unit that decided on it, afterwards too: a site that rejected a complaint or asked
 * the citizen opens it again to see what became of its decision. Reading is all they get: deciding
 * again still needs the turn (the decider's `holdingTurn`).
 */
export function mayRead(actor: Actor, state: FiledComplaint, districtOfComplaint: string | null): boolean {
  if (actor.role === 'citizen') return actor.id === state.citizenId;
  if (actor.role === 'manager' && actor.scope.startsWith('province:')) return true;
  if (actor.role === 'manager' && districtOfComplaint) return actor.scope === `district:${districtOfComplaint}`;
  if (state.decidedBy.includes(actor.scope)) return true;
  return state.assignment?.unitId === actor.scope && state.status !== 'closed';
}

/** The unit holding the complaint's turn now (null once closed or before it is assigned). */
export function holdingUnit(state: FiledComplaint): string | null {
  return state.status === 'closed' ? null : (state.assignment?.unitId ?? null);
}
