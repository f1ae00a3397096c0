import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { CATALOGUE_READERS } from './catalogue.roles';
import { CreateFieldDto, FieldDto, FieldPageDto, FieldQueryDto } from './dto/field.dto';
import { FieldsService } from './fields.service';

@ApiTags('fields')
@ApiBearerAuth()
@Controller('fields')
export class FieldsController {
  constructor(private readonly fields: FieldsService) {}

  @Get()
  @Roles(...CATALOGUE_READERS)
  @ApiOkResponse({ type: FieldPageDto })
  list(@Query() query: FieldQueryDto): Promise<FieldPageDto> {
    return this.fields.list(query);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: FieldDto })
  @ApiConflictResponse({ description: 'field_name_taken: a field of that object already has the name.' })
  create(@Body() body: CreateFieldDto, @CurrentPrincipal() actor: Principal): Promise<FieldDto> {
    return this.fields.create(body, actor);
  }
}
