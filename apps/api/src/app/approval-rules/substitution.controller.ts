import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { SubstituteDto, SubstituteQueryDto, SubstitutionResultDto } from './dto/substitution.dto';
import { SubstitutionService } from './substitution.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('approvers')
export class SubstitutionController {
  constructor(private readonly substitution: SubstitutionService) {}

  @Post('substitute')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOkResponse({ type: SubstitutionResultDto, description: 'What changed, or with ?dryRun=true what would change.' })
  @ApiBadRequestResponse({ description: 'Unknown or inactive users, or a replacement without the approver role.' })
  substitute(@Body() body: SubstituteDto, @Query() query: SubstituteQueryDto, @CurrentPrincipal() actor: Principal): Promise<SubstitutionResultDto> {
    return this.substitution.substitute(body, query.dryRun === true, actor);
  }
}
