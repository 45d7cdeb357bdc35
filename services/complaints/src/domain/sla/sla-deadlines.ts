import type { ComplaintType, HandlingLevel } from '../complaint-kinds';
import { type SlaPolicy, timeLimitFor } from './sla-policy';
import type { WorkingCalendar } from './working-calendar';
import { addWorkingMinutes, dueAt, remainingWorkingMinutes } from './working-time';

/** A turn's deadline, and when its holder is reminded (null: the turn is too short for a reminder). */
export interface Deadline {
  dueAt: string;
  remindAt: string | null;
}

/** The SLA arithmetic the complaint process needs: a policy and a calendar, time always passed in. */
export class SlaDeadlines {
  constructor(
    private readonly policy: SlaPolicy,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** The deadline of a turn at a level that starts at `at`. */
  forTurn(at: Date, complaintType: ComplaintType, level: HandlingLevel): Deadline {
    const due = dueAt(at, timeLimitFor(this.policy, complaintType, level), this.calendar);
    return { dueAt: due.toISOString(), remindAt: this.reminderFor(at, due) };
  }

  /** The deadline after a paused clock restarts at `at` with the working minutes it had left. */
  resumed(at: Date, remainingMinutes: number): Deadline {
    const due = addWorkingMinutes(at, remainingMinutes, this.calendar);
    return { dueAt: due.toISOString(), remindAt: this.reminderFor(at, due) };
  }

  /** Working minutes left at `at` before `due`: what the clock keeps while the citizen has the turn. */
  remaining(at: Date, due: Date): number {
    return remainingWorkingMinutes(at, due, this.calendar);
  }

  citizenReplyBy(at: Date): string {
    return dueAt(at, this.policy.citizenReplyWithin, this.calendar).toISOString();
  }

  appealUntil(at: Date): string {
    return dueAt(at, this.policy.appealWithin, this.calendar).toISOString();
  }

  /**
   * When a turn running from `from` to `due` is reminded: as `reminderBefore` of working time is left;
   * null if the turn is not longer than that.
   */
  reminderFor(from: Date, due: Date): string | null {
    const lead = this.leadMinutes();
    const total = remainingWorkingMinutes(from, due, this.calendar);
    return total > lead ? addWorkingMinutes(from, total - lead, this.calendar).toISOString() : null;
  }

  /** The reminder lead in working minutes; a day of it is a working day of this calendar. */
  private leadMinutes(): number {
    const { amount, unit } = this.policy.reminderBefore;
    const workingDay = this.calendar.periods.reduce((sum, [start, end]) => sum + end - start, 0);
    return unit === 'working-hours' ? amount * 60 : amount * workingDay;
  }
}
