export function contractsDomain(): string {
  return 'contracts-domain';
}
