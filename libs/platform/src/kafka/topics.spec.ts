import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Topics } from './topics';

const catalog = JSON.parse(readFileSync(join(__dirname, '../../../../deploy/kafka/topics.json'), 'utf8')) as {
  topics: { name: string; partitions: number }[];
};

describe('the topic catalog the deploy scripts create', () => {
  it('holds every topic the code names, and nothing else', () => {
    expect(catalog.topics.map((t) => t.name).sort()).toEqual(Object.values(Topics).sort());
  });

  it('gives every topic an explicit partition count', () => {
    for (const topic of catalog.topics) expect(Number.isInteger(topic.partitions) && topic.partitions > 0).toBe(true);
  });

  it('names topics <context>.<stream>.v<version>', () => {
    for (const name of Object.values(Topics)) expect(name).toMatch(/^[a-z]+\.[a-z-]+\.v\d+$/);
  });
});
