import type { TestInfrastructure } from '../libs/testing/src/test-infrastructure';

export default async function teardown(): Promise<void> {
  await (globalThis as { __VAX_INFRA__?: TestInfrastructure }).__VAX_INFRA__?.stop();
}
