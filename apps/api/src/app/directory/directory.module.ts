import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../users/user.entity';
import { DirectoryService } from './directory.service';
import { ApproversController, GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { PeopleService } from './people.service';
import { UserGroupEntity, UserGroupMemberEntity } from './user-group.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserGroupEntity, UserGroupMemberEntity, UserEntity])],
  controllers: [GroupsController, ApproversController],
  providers: [GroupsService, PeopleService, DirectoryService],
  exports: [DirectoryService, GroupsService],
})
export class DirectoryModule {}
