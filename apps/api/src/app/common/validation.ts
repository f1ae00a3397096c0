import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, invalidInput } from './app-error';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    let own: FieldError[];
    if (constraints['whitelistValidation']) {
      own = [{ field, message: `${field} is not an allowed field` }];
    } else if (error.value === undefined && Object.keys(constraints).length > 0 && !constraints['isDefined']) {
      // One clear message for a missing field instead of every rule it would have broken.
      own = [{ field, message: `${field} is required` }];
    } else {
      own = Object.values(constraints).map((message) => ({ field, message }));
    }
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Global validation: strips nothing silently — unknown fields are errors, all named at once. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const fields = [...new Set(fieldErrors.map((e) => e.field))];
      return invalidInput(fieldErrors, `Invalid fields: ${fields.join(', ')}.`);
    },
  });
}
