import { registerDecorator, type ValidationOptions } from 'class-validator';

const isScalar = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** A literal a condition compares with: a string, number, boolean, null, or a list of strings/numbers. */
export function IsConditionValue(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isConditionValue',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a string, number, boolean, null or a list of strings and numbers`, ...options },
      validator: {
        validate: (value: unknown) =>
          value === undefined || isScalar(value) || (Array.isArray(value) && value.length <= 1000 && value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))),
      },
    });
}

export const CONDITION_VALUE_SCHEMA = {
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] } }],
};
