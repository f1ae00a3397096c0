/** A validation problem with a pointer to what is wrong; the API turns these into 400s. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}
