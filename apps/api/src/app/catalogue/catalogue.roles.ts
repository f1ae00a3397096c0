import { Role } from '../common/roles';

/** Everyone who works with quotes may read the catalogue. */
export const CATALOGUE_READERS = [Role.Admin, Role.Sales, Role.Approver, Role.Finance];
