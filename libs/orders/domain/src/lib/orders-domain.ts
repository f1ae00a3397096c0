export function ordersDomain(): string {
  return 'orders-domain';
}
