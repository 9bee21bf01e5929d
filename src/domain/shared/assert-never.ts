/** Ends an exhaustive switch: adding a case to the union breaks the build here. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
