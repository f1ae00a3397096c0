import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { CATALOGUE_READERS } from './catalogue.roles';
import { CreateProductDto, ProductDto, ProductPageDto, ProductQueryDto, UpdateProductDto } from './dto/product.dto';
import { ProductsService } from './products.service';

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @Roles(...CATALOGUE_READERS)
  @ApiOkResponse({ type: ProductPageDto })
  list(@Query() query: ProductQueryDto): Promise<ProductPageDto> {
    return this.products.list(query);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: ProductDto })
  @ApiConflictResponse({ description: 'The sku is taken.' })
  create(@Body() body: CreateProductDto, @CurrentPrincipal() actor: Principal): Promise<ProductDto> {
    return this.products.create(body, actor);
  }

  @Get(':id')
  @Roles(...CATALOGUE_READERS)
  @ApiOkResponse({ type: ProductDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ProductDto> {
    return this.products.get(id);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: ProductDto })
  @ApiConflictResponse({ description: 'Stale version.' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateProductDto, @CurrentPrincipal() actor: Principal): Promise<ProductDto> {
    return this.products.update(id, body, actor);
  }
}
