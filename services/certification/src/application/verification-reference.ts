import { type FSWatcher, watch } from 'node:fs';
import type { RuleSet } from '../domain/rules/business-rule';
import type { ValueSets } from '../domain/valuesets/value-sets';
import { readRuleSet } from '../reference/business-rules.loader';
import { readValueSets } from '../reference/value-sets.loader';

export interface VerificationReferenceState {
  ruleSet: RuleSet;
  valueSets: ValueSets;
  loadedAt: string;
}

export interface ReloadOutcome {
  reloaded: boolean;
  rules: { version: string; count: number };
  valueSets: { version: string; sets: number };
  /** Why a reload was refused: the previous rules and value sets stay in force. */
  problem?: string;
}

/**
 * The business rules and value sets the online verifier judges with: data read from files, swapped
 * whole on a reload (every verdict sees one consistent pair), never half-loaded — a folder that
 * fails to read leaves the previous pair in force. Reloads when the files change (debounced) or
 * when asked.
 */
export class VerificationReference {
  private state: VerificationReferenceState;
  private readonly watchers: FSWatcher[] = [];
  private pending: NodeJS.Timeout | undefined;

  constructor(
    private readonly rulesDir: string,
    private readonly valueSetsPath: string,
    private readonly onReload: (outcome: ReloadOutcome) => void = () => {},
  ) {
    this.state = this.read();
  }

  current(): VerificationReferenceState {
    return this.state;
  }

  reload(): ReloadOutcome {
    try {
      this.state = this.read();
      return this.outcome(true);
    } catch (error) {
      return { ...this.outcome(false), problem: (error as Error).message };
    }
  }

  /** Re-reads `debounceMs` after the last change under either path (editors write a file in several steps). */
  watch(debounceMs = 500): void {
    for (const path of [this.rulesDir, this.valueSetsPath]) {
      const watcher = watch(path, { recursive: true, persistent: false }, () => {
        if (this.watchers.length === 0) return; // closed: a late event reloads nothing
        clearTimeout(this.pending);
        this.pending = setTimeout(() => this.onReload(this.reload()), debounceMs).unref();
      });
      watcher.on('error', () => watcher.close()); // a folder removed: reloads on request still work
      this.watchers.push(watcher);
    }
  }

  close(): void {
    clearTimeout(this.pending);
    for (const w of this.watchers.splice(0)) w.close();
  }

  private read(): VerificationReferenceState {
    return {
      ruleSet: readRuleSet(this.rulesDir),
      valueSets: readValueSets(this.valueSetsPath),
      loadedAt: new Date().toISOString(),
    };
  }

  private outcome(reloaded: boolean): ReloadOutcome {
    const { ruleSet, valueSets } = this.state;
    return {
      reloaded,
      rules: { version: ruleSet.version, count: ruleSet.rules.length },
      valueSets: { version: valueSets.version, sets: Object.keys(valueSets.codes).length },
    };
  }
}
