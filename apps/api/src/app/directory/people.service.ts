import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Page, pageWindow } from '../common/pagination';
import { UserEntity } from '../users/user.entity';
import type { PersonDto, PersonQueryDto } from './dto/group.dto';
import { toPersonDto } from './groups.service';

@Injectable()
export class PeopleService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async approvers(query: PersonQueryDto): Promise<Page<PersonDto>> {
    const qb = this.users.createQueryBuilder('u').where('u.active').andWhere(`u.roles && ARRAY['approver','admin']::text[]`);
    if (query.search) qb.andWhere('(u.email ILIKE :s OR u.display_name ILIKE :s)', { s: `%${query.search.replace(/[%_\\]/g, '\\$&')}%` });
    const { skip, take } = pageWindow(query);
    const [rows, total] = await qb.orderBy('lower(u.display_name)').addOrderBy('u.id').offset(skip).limit(take).getManyAndCount();
    return { items: rows.map(toPersonDto), total };
  }
}
