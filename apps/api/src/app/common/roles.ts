export enum Role {
  Admin = 'admin',
  Sales = 'sales',
  Approver = 'approver',
  Finance = 'finance',
  Integration = 'integration',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);
