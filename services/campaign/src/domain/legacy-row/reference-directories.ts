import { foldText } from './text-folding';

export interface Site {
  id: string;
  name: string;
  commune: string;
  district: string;
}

/**
 * Remembers answers by the text as typed: a list repeats the same few spellings a million times, and
 * folding each one again would be most of a row's validation. Bounded, so odd text cannot grow it.
 */
class TypedTextMemo<T> {
  private readonly answers = new Map<string, T | undefined>();
  constructor(private readonly limit = 10_000) {}
  get(text: string, compute: (text: string) => T | undefined): T | undefined {
    if (this.answers.has(text)) return this.answers.get(text);
    const answer = compute(text);
    if (this.answers.size < this.limit) this.answers.set(text, answer);
    return answer;
  }
}

/** Vaccines as old lists name them ("Astra", "Vero Cell", "Pfizer"), by folded alias. */
export class VaccineDirectory {
  private readonly byAlias = new Map<string, string>();
  private readonly memo = new TypedTextMemo<string>();

  constructor(vaccines: { code: string; aliases: string[] }[]) {
    for (const v of vaccines) for (const alias of [v.code, ...v.aliases]) this.byAlias.set(key(alias), v.code);
  }

  resolve(text: string): string | undefined {
    return this.memo.get(text, (t) => this.byAlias.get(key(t)));
  }
}

/** Sites by id or by name as typed; their commune and district for worklists and progress. */
export class SiteDirectory {
  private readonly byKey = new Map<string, Site>();
  private readonly byId = new Map<string, Site>();
  private readonly memo = new TypedTextMemo<Site>();

  constructor(sites: Site[]) {
    for (const s of sites) {
      this.byId.set(s.id, s);
      this.byKey.set(key(s.id), s);
      this.byKey.set(key(s.name), s);
    }
  }

  resolve(text: string): Site | undefined {
    return this.memo.get(text, (t) => this.byKey.get(key(t)));
  }

  get(id: string): Site | undefined {
    return this.byId.get(id);
  }

  all(): Site[] {
    return [...this.byId.values()];
  }
}

const key = (text: string) => foldText(text).replace(/[^A-Z0-9]/g, '');
