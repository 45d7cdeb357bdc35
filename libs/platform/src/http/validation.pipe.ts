import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldProblem, validationProblem } from './problem-details';

const RULE_NAMES: Record<string, string> = { whitelistValidation: 'unknownField' };

export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: RULE_NAMES[rule] ?? rule,
      message: rule === 'whitelistValidation' ? 'is not a known field' : message.replace(`${error.property} `, ''),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Every request body, query and parameter is validated; unknown fields are refused, not dropped. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(fieldProblems(errors)),
  });
}
