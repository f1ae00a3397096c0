import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountLocationEntity } from './account-location.entity';
import { AccountLocationsController } from './account-locations.controller';
import { AccountLocationsService } from './account-locations.service';
import { AccountEntity } from './account.entity';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { FieldDefinitionEntity } from './field-definition.entity';
import { FieldsController } from './fields.controller';
import { FieldsService } from './fields.service';
import { ProductComponentEntity } from './product-component.entity';
import { ProductComponentsService } from './product-components.service';
import { ProductEntity } from './product.entity';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';

/** Products, accounts and custom field definitions: what quotes are made of. */
@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity, AccountEntity, AccountLocationEntity, ProductComponentEntity, FieldDefinitionEntity])],
  controllers: [ProductsController, AccountsController, AccountLocationsController, FieldsController],
  providers: [ProductsService, ProductComponentsService, AccountsService, AccountLocationsService, FieldsService],
  exports: [ProductsService, AccountsService, FieldsService, TypeOrmModule],
})
export class CatalogueModule {}
