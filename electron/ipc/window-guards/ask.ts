import { AppError } from '../../shared/errors';
import type { Confirmation, ConfirmGate } from '../../core/window-guards/confirmation';

const declinedWords = {
  confirmationDeclined: 'Cancelled in Gatekey’s confirmation dialog. Nothing was changed.',
  testCallDeclined: 'Cancelled in Gatekey’s confirmation dialog: the request was not sent.',
} as const;

/** Goes on only after the user said yes in main's own dialog; otherwise throws the coded refusal (`declined` names its words). */
export async function requireConfirmation(gate: ConfirmGate, question: Confirmation, declined: keyof typeof declinedWords = 'confirmationDeclined'): Promise<void> {
  const answer = await gate(question);
  if (answer === 'busy') {
    throw new AppError('RATE_LIMITED', 'Gatekey is already asking you to confirm something. Answer that dialog first, then try again.', { reason: 'confirmationBusy' });
  }
  if (answer === 'declined') throw new AppError('NOT_CONFIRMED', declinedWords[declined], { reason: declined });
}
