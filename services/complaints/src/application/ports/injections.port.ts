import type { Correction } from '../../domain/complaint-subject';

export interface CorrectionRequest {
  /** The command's id (the workflow step's key): injections applies a command id once. */
  commandId: string;
  complaintId: string;
  personId: string;
  correction: Exclude<Correction, { action: 'none' }>;
  /** At least 10 characters: injections keeps it with the change. */
  reason: string;
  /** The staff member who accepted the complaint. */
  requestedBy: string;
  /** The complaint's identity check; injections adds a missing dose only on one. */
  verificationId: string | null;
}

/**
 * Asks injections to correct a person's record for an accepted complaint (injections.corrections.v1).
 * The answer comes later on injections.events.v1, delivered to the workflow as a signal:
 * DoseCorrected / DoseVoided / DoseRecorded with the complaint id, or CorrectionRefused with the
 * command id and the rules it broke.
 */
export interface InjectionsPort {
  /** Resolves once the command is durably sent; sending the same command id again is harmless. */
  requestCorrection(request: CorrectionRequest): Promise<void>;
}
