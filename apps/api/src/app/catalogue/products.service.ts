import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, notFound } from '../common/app-error';
import { type Page, pageWindow } from '../common/pagination';
import { assertVersion, likePattern, money2, parseMoney } from '../common/value-validators';
import type { ProductComponentDto } from './dto/product-component.dto';
import type { CreateProductDto, ProductDto, ProductQueryDto, UpdateProductDto } from './dto/product.dto';
import { ProductComponentsService } from './product-components.service';
import { ProductEntity } from './product.entity';

export function toProductDto(p: ProductEntity, components: ProductComponentDto[] = []): ProductDto {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    family: p.family,
    description: p.description,
    chargeType: p.chargeType,
    revenueMethod: p.revenueMethod,
    listPrice: money2(p.listPrice) as string,
    ssp: money2(p.ssp),
    termMonths: p.termMonths,
    assetConversion: p.assetConversion,
    active: p.active,
    isBundle: components.length > 0,
    components,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

@Injectable()
export class ProductsService {
  constructor(
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    private readonly audit: AuditService,
    private readonly components: ProductComponentsService,
  ) {}

  async list(query: ProductQueryDto): Promise<Page<ProductDto>> {
    const qb = this.products.createQueryBuilder('p');
    if (query.search) qb.andWhere('(p.sku ILIKE :s OR p.name ILIKE :s)', { s: likePattern(query.search) });
    if (query.chargeType) qb.andWhere('p.charge_type = :ct', { ct: query.chargeType });
    if (query.active !== undefined) qb.andWhere('p.active = :active', { active: query.active });
    if (query.bundle !== undefined) {
      qb.andWhere(`${query.bundle ? '' : 'NOT '}EXISTS (SELECT 1 FROM product_components pc WHERE pc.bundle_id = p.id)`);
    }
    const { skip, take } = pageWindow(query);
    const [items, total] = await qb.orderBy('lower(p.sku)').addOrderBy('p.id').offset(skip).limit(take).getManyAndCount();
    const components = await this.components.of(this.products.manager, items.map((p) => p.id));
    return { items: items.map((p) => toProductDto(p, components.get(p.id))), total };
  }

  async get(id: string): Promise<ProductDto> {
    return this.detail(this.products.manager, id);
  }

  private async detail(manager: EntityManager, id: string): Promise<ProductDto> {
    const product = await manager.getRepository(ProductEntity).findOneBy({ id });
    if (!product) throw notFound('Product', id);
    return toProductDto(product, (await this.components.of(manager, [id])).get(id));
  }

  async create(input: CreateProductDto, actor: Principal): Promise<ProductDto> {
    const listPrice = parseMoney('listPrice', input.listPrice).toString();
    const ssp = input.ssp === undefined || input.ssp === null ? null : parseMoney('ssp', input.ssp).toString();
    return this.products.manager.transaction(async (manager) => {
      const repo = manager.getRepository(ProductEntity);
      if (await repo.createQueryBuilder('p').where('lower(p.sku) = lower(:sku)', { sku: input.sku }).getExists()) {
        throw new AppError(409, 'sku_taken', 'Conflict', `A product with sku '${input.sku}' already exists.`, { errors: [{ field: 'sku', message: 'already in use' }] });
      }
      const saved = await repo.save(
        repo.create({
          sku: input.sku,
          name: input.name.trim(),
          family: input.family?.trim() || null,
          description: input.description ?? null,
          chargeType: input.chargeType,
          revenueMethod: input.revenueMethod ?? (input.chargeType === 'recurring' ? 'ratable' : 'point-in-time'),
          listPrice,
          ssp,
          termMonths: input.termMonths ?? null,
          assetConversion: input.assetConversion ?? 'none',
          active: true,
        }),
      );
      if (input.components?.length) await this.components.replace(manager, saved.id, input.components);
      await this.audit.record({ actorId: actor.id, action: 'product.created', targetType: 'product', targetId: saved.id, detail: { sku: saved.sku } }, manager);
      return this.detail(manager, saved.id);
    });
  }

  async update(id: string, input: UpdateProductDto, actor: Principal): Promise<ProductDto> {
    return this.products.manager.transaction(async (manager) => {
      const repo = manager.getRepository(ProductEntity);
      const product = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!product) throw notFound('Product', id);
      const { version, listPrice, ssp, components, ...plain } = input;
      assertVersion('product', version, product.version);
      const next: Partial<ProductEntity> = { ...plain };
      if (plain.name !== undefined) next.name = plain.name.trim();
      if (plain.family !== undefined) next.family = plain.family?.trim() || null;
      if (listPrice !== undefined) next.listPrice = parseMoney('listPrice', listPrice).toString();
      if (ssp !== undefined) next.ssp = ssp === null ? null : parseMoney('ssp', ssp).toString();
      const changed = Object.keys(next).filter((k) => String(next[k as keyof ProductEntity]) !== String(product[k as keyof ProductEntity]));
      if (components !== undefined && (await this.components.replace(manager, id, components))) changed.push('components');
      if (changed.length === 0) return this.detail(manager, id);
      await repo.save(Object.assign(product, next));
      // A component change alone touches no product column; bump the version so readers see it.
      if (changed.length === 1 && changed[0] === 'components') await repo.increment({ id }, 'version', 1);
      await this.audit.record({ actorId: actor.id, action: 'product.updated', targetType: 'product', targetId: id, detail: { changed } }, manager);
      return this.detail(manager, id);
    });
  }
}
