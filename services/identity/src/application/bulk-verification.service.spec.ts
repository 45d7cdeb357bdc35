import type { EventStore } from '@vax/event-sourcing';
import { type BlockingKey, blockingKeyId, isInBlock } from '../domain/linkage/linkage-candidates';
import { DEFAULT_MATCH_POLICY } from '../domain/matching/person-matcher';
import type { RegistryPerson } from '../domain/matching/registry-person';
import type { PopulationRegistry } from './ports/population-registry.port';
import { BulkVerificationService } from './bulk-verification.service';

const pao: RegistryPerson = {
  personId: 'P1',
  idNumber: '012203004567',
  fullName: 'Lò Văn Páo',
  dateOfBirth: '2003-01-02',
  gender: 'male',
};
const mai: RegistryPerson = {
  personId: 'P2',
  idNumber: '012199112233',
  fullName: 'Tráng Thị Mai',
  dateOfBirth: '1999-05-06',
  gender: 'female',
};

/** A registry in memory that counts what it is asked. */
class CountingRegistry implements PopulationRegistry {
  numbersAsked: string[][] = [];
  blocksAsked: BlockingKey[][] = [];
  constructor(private readonly people: RegistryPerson[]) {}
  async findByIdNumber(n: string) {
    return this.people.find((p) => p.idNumber === n) ?? null;
  }
  async findManyByIdNumber(numbers: string[]) {
    this.numbersAsked.push(numbers);
    return new Map(numbers.flatMap((n) => this.people.filter((p) => p.idNumber === n).map((p) => [n, p] as const)));
  }
  async searchByNameAndBirth(blocks: BlockingKey[]) {
    this.blocksAsked.push(blocks);
    const found = new Map<string, RegistryPerson[]>();
    for (const b of blocks) {
      const inBlock = this.people.filter((p) => isInBlock(b, p));
      if (inBlock.length > 0) found.set(blockingKeyId(b), inBlock);
    }
    return found;
  }
}

const service = (registry: PopulationRegistry) =>
  new BulkVerificationService({} as EventStore, registry, DEFAULT_MATCH_POLICY);

describe('bulk verification asks the registry little, and only what it needs', () => {
  it('asks only for the numbers when every record agrees with its number’s holder', async () => {
    const registry = new CountingRegistry([pao, mai]);
    const results = await service(registry).match([
      { recordId: 'a', idNumber: pao.idNumber, fullName: pao.fullName, dateOfBirth: pao.dateOfBirth },
      { recordId: 'b', idNumber: mai.idNumber, fullName: 'TRANG THI MAI', dateOfBirth: mai.dateOfBirth },
    ]);
    expect(results.map((r) => r.personId)).toEqual(['P1', 'P2']);
    expect(registry.numbersAsked).toEqual([[pao.idNumber, mai.idNumber]]);
    expect(registry.blocksAsked).toEqual([[]]);
  });

  it('finds the person behind a wrong digit through the name-and-birth blocks, without asking the neighbours', async () => {
    const registry = new CountingRegistry([pao, mai]);
    const [result] = await service(registry).match([
      { recordId: 'a', idNumber: '012203004568', fullName: pao.fullName, dateOfBirth: pao.dateOfBirth },
    ]);
    expect(result).toMatchObject({ result: 'mismatched', personId: 'P1' });
    expect(registry.numbersAsked).toHaveLength(1);
  });

  it('asks for the neighbours of a number only when the blocks could not link the record', async () => {
    const registry = new CountingRegistry([pao, mai]);
    const [result] = await service(registry).match([
      { recordId: 'a', idNumber: '012203004568', fullName: pao.fullName, dateOfBirth: '2003-07-09' },
    ]);
    expect(registry.numbersAsked).toHaveLength(2);
    expect(registry.numbersAsked[1]).toContain(pao.idNumber);
    // The number one digit off and the name agree, the birth date does not: not enough to link.
    expect(result.personId).toBeUndefined();
    expect(result).toMatchObject({ result: 'ambiguous', candidates: [{ personId: 'P1' }] });
  });

  it('gives a record the same answer alone or in any batch', async () => {
    const records = [
      { recordId: 'a', idNumber: '012203004568', fullName: pao.fullName, dateOfBirth: '2003-07-09' },
      { recordId: 'b', fullName: mai.fullName, dateOfBirth: mai.dateOfBirth },
      { recordId: 'c', idNumber: mai.idNumber, fullName: 'Lò Văn Páo', dateOfBirth: pao.dateOfBirth },
    ];
    const together = await service(new CountingRegistry([pao, mai])).match(records);
    const alone = await Promise.all(records.map((r) => service(new CountingRegistry([pao, mai])).match([r])));
    expect(together).toEqual(alone.flat());
  });
});
