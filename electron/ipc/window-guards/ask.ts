import { AppError } from '../../core/errors';
import type { Confirmation, ConfirmGate } from '../../core/window-guards/confirmation';

/** Goes on only after the user said yes in main's own dialog; otherwise throws the coded refusal. */
export async function requireConfirmation(gate: ConfirmGate, question: Confirmation, declined = 'Cancelled in Gatekey’s confirmation dialog. Nothing was changed.'): Promise<void> {
  const answer = await gate(question);
  if (answer === 'busy') {
    throw new AppError('RATE_LIMITED', 'Gatekey is already asking you to confirm something. Answer that dialog first, then try again.');
  }
  if (answer === 'declined') throw new AppError('NOT_CONFIRMED', declined);
}
