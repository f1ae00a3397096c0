import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ApprovalRuleEntity } from './approval-rule.entity';
import { ApprovalRuleSetEntity } from './approval-rule-set.entity';
import { ApprovalRulesController, RuleSetsController } from './approval-rules.controller';
import { ApprovalRulesService } from './approval-rules.service';
import { ApprovalVariableEntity } from './approval-variable.entity';
import { ApprovalVariablesController } from './approval-variables.controller';
import { ApprovalVariablesService } from './approval-variables.service';
import { ApprovalFieldCatalogue } from './field-catalogue';
import { RuleSetsService } from './rule-sets.service';
import { SubstitutionController } from './substitution.controller';
import { SubstitutionService } from './substitution.service';

@Module({
  imports: [TypeOrmModule.forFeature([ApprovalRuleEntity, ApprovalVariableEntity, ApprovalRuleSetEntity]), CatalogueModule],
  controllers: [ApprovalRulesController, RuleSetsController, ApprovalVariablesController, SubstitutionController],
  providers: [ApprovalRulesService, ApprovalVariablesService, RuleSetsService, ApprovalFieldCatalogue, SubstitutionService],
  exports: [RuleSetsService, ApprovalFieldCatalogue, SubstitutionService, ApprovalRulesService],
})
export class ApprovalRulesModule {}
