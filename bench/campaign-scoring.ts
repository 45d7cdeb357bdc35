import type { Pool } from 'pg';
import { CLASSES, type ListTruth, type TruthClass } from './campaign-legacy-list';

type ClassScore = { truth: number; given: number; right: number };

/** The campaign's classes and proposals, as stored, against the truth kept aside when the list was made. */
export async function scoreCampaign(pool: Pool, campaignId: string, truth: ListTruth) {
  const classes = Object.fromEntries(CLASSES.map((c) => [c, { truth: 0, given: 0, right: 0 }])) as Record<
    TruthClass,
    ClassScore
  >;
  let matchedRight = 0;
  let matchedWrongPerson = 0;
  const { rows } = await pool.query(
    `select l.row_number, l.id_state, r.result, r.person_id from legacy_rows l
     left join row_results r on r.campaign_id = $1 and r.import_id = l.import_id and r.row_number = l.row_number
     where l.import_id = any(select unnest(import_ids) from campaigns where campaign_id = $1)`,
    [campaignId],
  );
  for (const r of rows) {
    const expected = CLASSES[truth.expected[r.row_number]];
    const given = (r.id_state !== 'valid' ? 'invalid-id' : r.result) as TruthClass;
    classes[expected].truth++;
    if (classes[given]) classes[given].given++;
    const rightPerson = r.person_id !== null && Number(String(r.person_id).slice(1)) === truth.person[r.row_number];
    if (given === expected && (given !== 'matched' || rightPerson)) classes[given].right++;
    if (given === 'matched' && expected === 'matched' && rightPerson) matchedRight++;
    if (given === 'matched' && !rightPerson) matchedWrongPerson++;
  }
  const proposals = (
    await pool.query(`select keep_row, duplicate_row from merge_proposals where campaign_id = $1`, [campaignId])
  ).rows as { keep_row: number; duplicate_row: number }[];
  const found = new Set<number>();
  let proposalsRight = 0;
  let proposalsDifferentPeople = 0;
  for (const p of proposals) {
    if (truth.injection[p.keep_row] === truth.injection[p.duplicate_row]) {
      proposalsRight++;
      for (const row of [p.keep_row, p.duplicate_row]) if (truth.injection[row] !== row) found.add(row);
    }
    // People outside the registry were made up one per row: two of their rows are one person only as a duplicate.
    const [a, b] = [truth.person[p.keep_row], truth.person[p.duplicate_row]];
    if (truth.injection[p.keep_row] !== truth.injection[p.duplicate_row] && (a !== b || a === -1))
      proposalsDifferentPeople++;
  }
  let duplicatesWithId = 0;
  for (let row = 2; row <= truth.rows; row++)
    if (truth.injection[row] !== row && CLASSES[truth.expected[row]] !== 'invalid-id') duplicatesWithId++;
  return {
    classes,
    matchedRight,
    matchedWrongPerson,
    proposals: proposals.length,
    proposalsRight,
    proposalsDifferentPeople,
    duplicatesFound: found.size,
    duplicatesWithId,
  };
}
