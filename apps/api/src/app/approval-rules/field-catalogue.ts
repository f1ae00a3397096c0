import { Injectable } from '@nestjs/common';
import { STANDARD_FIELDS } from '@signet/quotes-domain';
import type { EntityManager } from 'typeorm';
import { FieldsService } from '../catalogue/fields.service';

/** The fields approval conditions and variables may name; null means "not checked". */
export interface FieldNames {
  quoteFields: ReadonlySet<string> | null;
  lineFields: ReadonlySet<string> | null;
}

/** Standard quote and line fields plus the custom fields of the catalogue (GET /fields). */
@Injectable()
export class ApprovalFieldCatalogue {
  constructor(private readonly fields: FieldsService) {}

  async fieldNames(manager: EntityManager): Promise<FieldNames> {
    const custom = await this.fields.definitions(manager);
    const names = (object: 'quote' | 'line') => new Set([...STANDARD_FIELDS[object], ...custom.filter((f) => f.object === object).map((f) => f.name)]);
    return { quoteFields: names('quote'), lineFields: names('line') };
  }
}
