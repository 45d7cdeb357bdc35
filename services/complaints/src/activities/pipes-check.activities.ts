import { Context } from '@temporalio/activity';

export interface PipesCheckActivities {
  echo(message: string): Promise<string>;
}

export function createPipesCheckActivities(workerIdentity: string): PipesCheckActivities {
  return {
    async echo(message) {
      return `${message} (handled by ${workerIdentity}, attempt ${Context.current().info.attempt})`;
    },
  };
}
