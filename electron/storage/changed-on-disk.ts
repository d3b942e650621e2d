/** Thrown when a file of the store on disk is no longer the one Gatekey read or wrote. */
export class ChangedOnDisk extends Error {
  override name = 'ChangedOnDisk';
}
