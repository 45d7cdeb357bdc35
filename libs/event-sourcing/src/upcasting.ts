import type { RecordedEvent } from './event-envelope';

/** Turns the data of one schema version into the next version's. Pure; one per step. */
export type Upcaster = (data: unknown) => unknown;

/**
 * Upcasters by event type and the version they upcast from. Stored events are never rewritten;
 * old versions are lifted step by step to the current one as they are read.
 */
export class UpcasterChain {
  private readonly steps = new Map<string, Map<number, Upcaster>>();
  private readonly current = new Map<string, number>();

  register(type: string, fromVersion: number, upcast: Upcaster): this {
    const byVersion = this.steps.get(type) ?? new Map<number, Upcaster>();
    if (byVersion.has(fromVersion)) throw new Error(`${type}: an upcaster from v${fromVersion} exists already`);
    byVersion.set(fromVersion, upcast);
    this.steps.set(type, byVersion);
    this.current.set(type, Math.max(this.current.get(type) ?? 1, fromVersion + 1));
    return this;
  }

  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast<E extends RecordedEvent>(event: E): E {
    let { data, schemaVersion } = event;
    const target = this.currentVersion(event.type);
    if (schemaVersion > target) {
      throw new Error(
        `${event.type} v${schemaVersion} is newer than this code knows (v${target}): deploy the newer code`,
      );
    }
    while (schemaVersion < target) {
      const step = this.steps.get(event.type)?.get(schemaVersion);
      if (!step) throw new Error(`${event.type}: no upcaster from v${schemaVersion}`);
      data = step(data);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}
