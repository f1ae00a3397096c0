export function approvalsDomain(): string {
  return 'approvals-domain';
}
