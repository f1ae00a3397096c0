import { IsEmail, IsString, MinLength } from 'class-validator';
import { AppError } from './app-error';
import { createValidationPipe } from './validation';

class Probe {
  @IsEmail()
  email!: string;

  @IsString()
  @MinLength(3)
  name!: string;
}

async function errorsFor(body: unknown): Promise<{ field: string; message: string }[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Probe });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).extensions['errors'] as { field: string; message: string }[];
  }
  return [];
}

describe('validation pipe', () => {
  it.each([
    ['a missing field gets one clear message', { email: 'a@b.co' }, [{ field: 'name', message: 'name is required' }]],
    ['an unknown field is named', { email: 'a@b.co', name: 'abc', extra: 1 }, [{ field: 'extra', message: 'extra is not an allowed field' }]],
    ['a short value keeps the rule message', { email: 'a@b.co', name: 'ab' }, [{ field: 'name', message: 'name must be longer than or equal to 3 characters' }]],
    ['a valid body passes', { email: 'a@b.co', name: 'abc' }, []],
  ])('%s', async (_label, body, expected) => {
    expect(await errorsFor(body)).toEqual(expected);
  });

  it('names every bad field in the detail', async () => {
    try {
      await createValidationPipe().transform({ nickname: 'x' }, { type: 'body', metatype: Probe });
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as AppError).detail).toBe('Invalid fields: nickname, email, name.');
      expect((error as AppError).status).toBe(400);
    }
  });
});
