import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type FieldDefinition, validateFieldDefinition } from '@signet/quotes-domain';
import type { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, invalidInput } from '../common/app-error';
import { type Page, pageWindow } from '../common/pagination';
import type { CreateFieldDto, FieldDto, FieldQueryDto } from './dto/field.dto';
import { FieldDefinitionEntity } from './field-definition.entity';

export function toFieldDto(f: FieldDefinitionEntity): FieldDto {
  return { id: f.id, object: f.object, name: f.name, label: f.label, type: f.type, options: f.options, multiple: f.multiple, scale: f.scale, createdAt: f.createdAt.toISOString() };
}

@Injectable()
export class FieldsService {
  constructor(
    @InjectRepository(FieldDefinitionEntity) private readonly fields: Repository<FieldDefinitionEntity>,
    private readonly audit: AuditService,
  ) {}

  async list(query: FieldQueryDto): Promise<Page<FieldDto>> {
    const [items, total] = await this.fields.findAndCount({
      where: query.object ? { object: query.object } : {},
      order: { object: 'DESC', name: 'ASC' },
      ...pageWindow(query),
    });
    return { items: items.map(toFieldDto), total };
  }

  /** Every definition, for checking values on quote writes (a few dozen rows at most). */
  async definitions(manager?: EntityManager): Promise<FieldDefinition[]> {
    const rows = await (manager ? manager.getRepository(FieldDefinitionEntity) : this.fields).find();
    return rows.map((r) => ({ object: r.object, name: r.name, label: r.label, type: r.type, options: r.options, multiple: r.multiple, scale: r.scale }));
  }

  async create(input: CreateFieldDto, actor: Principal): Promise<FieldDto> {
    return this.fields.manager.transaction(async (manager) => {
      // One definer at a time, so two requests cannot both create the same name.
      await manager.query('LOCK TABLE field_definitions IN SHARE ROW EXCLUSIVE MODE');
      const definition: FieldDefinition = {
        object: input.object,
        name: input.name,
        label: input.label.trim(),
        type: input.type,
        options: input.type === 'picklist' ? (input.options ?? []) : (input.options ?? null),
        multiple: input.multiple ?? false,
        scale: input.scale ?? null,
      };
      const existing = await this.definitions(manager);
      // A taken name is a conflict with what exists (409, as for every other duplicate), not bad input.
      if (existing.some((d) => d.object === definition.object && d.name === definition.name)) {
        throw new AppError(409, 'field_name_taken', 'Conflict', `A ${definition.object} field named '${definition.name}' already exists.`, { errors: [{ field: 'name', message: 'already in use' }] });
      }
      const problems = validateFieldDefinition(definition, existing);
      if (problems.length > 0) throw invalidInput(problems, problems.map((p) => p.message).join('; '));
      const repo = manager.getRepository(FieldDefinitionEntity);
      const saved = await repo.save(repo.create({ ...definition, options: definition.type === 'picklist' ? [...(definition.options ?? [])] : null, scale: definition.scale ?? null }));
      await this.audit.record({ actorId: actor.id, action: 'field.created', targetType: 'field', targetId: saved.id, detail: { object: saved.object, name: saved.name } }, manager);
      return toFieldDto(saved);
    });
  }
}
