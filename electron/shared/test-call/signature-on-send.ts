/**
 * What a preview shows where the signature goes. A preview signs nothing with
 * a stored APISecret: it is free and unguarded, so a compromised page could
 * otherwise loop it for valid signatures without a click, a budget or a log.
 * The real signature is made only by Send. Pure (no Node imports): the
 * renderer compares against it.
 */
export const SIGNATURE_ON_SEND = '<computed when sent>';
