import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The fields approval conditions and variables may name; null means "not checked". */
export interface FieldNames {
  quoteFields: ReadonlySet<string> | null;
  lineFields: ReadonlySet<string> | null;
}

/**
 * Where rule validation learns which quote and line fields exist. Until the quote field
 * catalogue is available this answers "not checked" for both.
 */
@Injectable()
export class ApprovalFieldCatalogue {
  async fieldNames(_manager: EntityManager): Promise<FieldNames> {
    return { quoteFields: null, lineFields: null };
  }
}
