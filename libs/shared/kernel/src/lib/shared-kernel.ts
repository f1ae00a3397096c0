export function sharedKernel(): string {
  return 'shared-kernel';
}
