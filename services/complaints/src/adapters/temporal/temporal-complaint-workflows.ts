import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { type TemporalConnection, temporalClientInterceptors } from '@vax/platform';
import type { ComplaintWorkflowsPort } from '../../application/ports/complaint-workflows.port';
import type { Actor } from '@vax/event-sourcing';
import {
  type CitizenReply,
  type CorrectionRefusal,
  type DecisionResult,
  type FailedStepRequest,
  type RecordCorrected,
  type SiteDecision,
  appealSignal,
  citizenReplySignal,
  complaintWorkflowId,
  correctionRefusedSignal,
  decideUpdate,
  failedStepSignal,
  recordCorrectedSignal,
  withdrawSignal,
} from '../../workflows/complaint-lifecycle.messages';

/** The complaint workflows on Temporal: one per complaint, id `complaint-<id>`, on the worker's task queue. */
export class TemporalComplaintWorkflows implements ComplaintWorkflowsPort {
  constructor(
    private readonly connection: TemporalConnection,
    private readonly taskQueue: string,
  ) {}

  async start(complaintId: string): Promise<void> {
    try {
      await (
        await this.client()
      ).workflow.start('complaintLifecycleWorkflow', {
        args: [{ complaintId }],
        workflowId: complaintWorkflowId(complaintId),
        taskQueue: this.taskQueue,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  recordCorrected(complaintId: string, corrected: RecordCorrected): Promise<boolean> {
    return this.signal(complaintId, (handle) => handle.signal(recordCorrectedSignal, corrected));
  }

  correctionRefused(complaintId: string, refusal: CorrectionRefusal): Promise<boolean> {
    return this.signal(complaintId, (handle) => handle.signal(correctionRefusedSignal, refusal));
  }

  async decide(complaintId: string, decision: SiteDecision): Promise<DecisionResult | 'busy' | 'not-running'> {
    try {
      const handle = (await this.client()).workflow.getHandle(complaintWorkflowId(complaintId));
      return await handle.executeUpdate(decideUpdate, { args: [decision] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) return 'busy';
      if (error instanceof WorkflowNotFoundError) return 'not-running';
      throw error;
    }
  }

  reply(complaintId: string, reply: CitizenReply): Promise<boolean> {
    return this.signal(complaintId, (handle) => handle.signal(citizenReplySignal, reply));
  }

  withdraw(complaintId: string, request: { citizen: Actor; reason: string }): Promise<boolean> {
    return this.signal(complaintId, (handle) => handle.signal(withdrawSignal, request));
  }

  appeal(complaintId: string, request: { citizen: Actor; grounds: string }): Promise<boolean> {
    return this.signal(complaintId, (handle) => handle.signal(appealSignal, request));
  }

  failedStep(complaintId: string, request: FailedStepRequest): Promise<boolean> {
    return this.signal(complaintId, (handle) => handle.signal(failedStepSignal, request));
  }

  private async signal(
    complaintId: string,
    send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<void>,
  ): Promise<boolean> {
    try {
      await send((await this.client()).workflow.getHandle(complaintWorkflowId(complaintId)));
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  private async client(): Promise<Client> {
    return new Client({
      connection: await this.connection.get(),
      namespace: this.connection.namespace,
      interceptors: temporalClientInterceptors(),
    });
  }
}
